// libFuzzer target: a one-file policy pack through every stage `triage check`
// runs (TOML parse, definitions, param overrides, type check, compile). Any
// outcome but a crash is fine; a rejected pack must say why.
#include <cstddef>
#include <cstdint>
#include <string>

#include "triage/core/config.hpp"
#include "triage/core/error.hpp"
#include "triage/policy/pack.hpp"
#include "triage/policy/program.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace triage;
  if (size > 64 * 1024) return 0;
  policy::PackSource src;
  src.dir = "fuzz";
  src.files.push_back({"fuzz.toml", "fuzz/fuzz.toml", std::string(reinterpret_cast<const char*>(data), size)});
  static const Config config = Config::defaults();
  try {
    (void)policy::load_program(src, config);
  } catch (const Error& e) {
    if (std::string(e.what()).empty()) __builtin_trap();
  }
  return 0;
}
