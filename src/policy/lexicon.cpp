// Lexicon compilation and matching (see lexicon.hpp).
#include "triage/policy/lexicon.hpp"

namespace triage::policy {

struct Lexicon::Impl {
  std::string name;
};

Lexicon::Lexicon(const LexiconSpec& spec) : impl_(std::make_unique<Impl>()) { impl_->name = spec.name; }
Lexicon::~Lexicon() = default;
Lexicon::Lexicon(Lexicon&&) noexcept = default;
Lexicon& Lexicon::operator=(Lexicon&&) noexcept = default;
bool Lexicon::matches(std::string_view) const { return false; }
LexiconMatch Lexicon::match(std::string_view) const { return {}; }
const std::string& Lexicon::name() const { return impl_->name; }
std::size_t Lexicon::size() const { return 0; }

}  // namespace triage::policy
