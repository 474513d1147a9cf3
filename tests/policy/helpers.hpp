// Test helpers: a policy pack built from strings, and the error it gives.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "triage/core/config.hpp"
#include "triage/core/error.hpp"
#include "triage/policy/pack.hpp"
#include "triage/policy/program.hpp"

namespace testpack {

inline triage::policy::PackSource source(std::vector<std::pair<std::string, std::string>> files) {
  triage::policy::PackSource src;
  src.dir.assign(1, 'p');  // not = "p": GCC 12 warns falsely (-Wrestrict) on that
  for (auto& [name, content] : files) src.files.push_back({name, "p/" + name, std::move(content)});
  return src;
}

inline std::shared_ptr<const triage::policy::Program> load(const std::string& content,
                                                           const triage::Config& config = triage::Config::defaults()) {
  return triage::policy::load_program(source({{"a.toml", content}}), config);
}

// The policy error's message, or "" when the pack loads.
inline std::string error_of(const std::string& content, const triage::Config& config = triage::Config::defaults()) {
  try {
    load(content, config);
  } catch (const triage::Error& e) {
    return e.what();
  }
  return "";
}

inline const char* kActions = R"(
[action.reship]
label = "Reship"
reply.en = "We send {order.id} again."
[action.refund]
label = "Refund"
)";

}  // namespace testpack
