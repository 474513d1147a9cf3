// Language guessing (see language.hpp).
#include "triage/policy/language.hpp"

namespace triage::policy {

std::string guess_language(std::string_view) { return {}; }

}  // namespace triage::policy
