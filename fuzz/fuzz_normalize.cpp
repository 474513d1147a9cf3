// libFuzzer target: the text normalizer that phrase matching runs on every
// complaint. The output must be valid UTF-8, start and end with one space,
// hold no double spaces, and normalizing it again must change nothing.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "triage/input/encoding.hpp"
#include "triage/policy/text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using triage::policy::normalize;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::string once = normalize(text);
  if (once.empty() || once.front() != ' ' || once.back() != ' ') __builtin_trap();
  if (once.find("  ") != std::string::npos) __builtin_trap();
  if (!triage::input::valid_utf8(once)) __builtin_trap();
  if (normalize(once) != once) __builtin_trap();
  std::string reused = "stale";
  triage::policy::normalize_into(text, reused);
  if (reused != once) __builtin_trap();
  return 0;
}
