// Stage "check": every name in the pack resolved (facts, params, lexicons,
// actions, placeholders) and every condition type-checked, with a
// "did you mean" for near misses. Annotates the syntax trees for the compiler.
#pragma once

#include "triage/policy/pack.hpp"

namespace triage::policy {

void check_pack(Pack& pack, Diagnostics& diags);

// The facts, params and lexicons a name may refer to, for suggestions.
std::vector<std::string> known_names(const Pack& pack);

}  // namespace triage::policy
