// Reads and parses a TOML settings file, turning every failure into Error(input).
#include "triage/core/toml_file.hpp"

#include <fmt/core.h>

#include <sstream>

#include "triage/core/error.hpp"
#include "triage/core/text_safety.hpp"

namespace triage {

toml::value read_toml_file(const std::string& path) {
  try {
    std::istringstream in(read_utf8_file(path));
    return toml::parse(in, path);
  } catch (const toml::syntax_error& e) {
    throw Error(ErrorKind::input, fmt::format("{}: invalid TOML: {}", path, e.what()));
  } catch (const Error&) {
    throw;
  } catch (const std::exception& e) {
    throw Error(ErrorKind::input, fmt::format("{}: cannot read: {}", path, e.what()));
  }
}

}  // namespace triage
