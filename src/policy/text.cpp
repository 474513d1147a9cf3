// Text normalization for phrase matching (see text.hpp).
#include "triage/policy/text.hpp"

namespace triage::policy {

void normalize_into(std::string_view text, std::string& out) {
  out.clear();
  out.push_back(' ');
  out.append(text);
  out.push_back(' ');
}

std::string normalize(std::string_view text) {
  std::string out;
  normalize_into(text, out);
  return out;
}

}  // namespace triage::policy
