// Where the policy pack comes from when the user does not say.
#include <cstdlib>
#include <filesystem>

#include "triage/cli/commands.hpp"

namespace triage::cli {

std::string resolve_policies(const std::string& option) {
  if (!option.empty()) return option;
  if (const char* env = std::getenv("TRIAGE_POLICIES"); env && *env) return env;
  if (std::filesystem::is_directory("policies")) return "policies";
  return {};  // the default pack built into the binary
}

}  // namespace triage::cli
