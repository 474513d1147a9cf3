// Lexicon compilation and matching (see lexicon.hpp). Phrases become regexes
// over normalized text whose words are separated by single spaces, so a word
// boundary is simply a space (RE2's \b only knows ASCII words).
#include "triage/policy/lexicon.hpp"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <utility>

#include "triage/policy/text.hpp"

namespace triage::policy {
namespace {

// Per compiled regex; RE2 falls back to slower matching rather than failing
// when a search needs more.
constexpr std::int64_t kPatternMaxMem = 4 << 20;
// Per set: a set's DFA failing for lack of memory would read as "no match",
// so sets get room, and matches() falls back to the single regexes if it happens.
constexpr std::int64_t kSetMaxMem = 32 << 20;

RE2::Options options(bool is_regex, std::int64_t max_mem) {
  RE2::Options o;
  o.set_encoding(RE2::Options::EncodingUTF8);
  o.set_max_mem(max_mem);
  o.set_log_errors(false);
  // Text is already case-folded; regexes written with capitals still match.
  o.set_case_sensitive(!is_regex);
  return o;
}

std::string_view trim_spaces(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// The regex for one phrase, or an empty string with `error` set.
std::string phrase_regex(std::string_view phrase, std::string& error) {
  std::string re = " ";
  bool any = false;
  std::size_t i = 0;
  while (i < phrase.size()) {
    while (i < phrase.size() && is_ascii_space(phrase[i])) ++i;
    std::size_t e = i;
    while (e < phrase.size() && !is_ascii_space(phrase[e])) ++e;
    if (e == i) break;
    std::string_view token = phrase.substr(i, e - i);
    i = e;
    bool wildcard = false;
    while (!token.empty() && token.back() == '*') {
      token.remove_suffix(1);
      wildcard = true;
    }
    if (token.find('*') != std::string_view::npos) {
      error = "'*' is allowed only at the end of a word (write `negatyw*`)";
      return {};
    }
    const std::string words = normalize(token);
    std::string_view rest = trim_spaces(words);
    if (rest.empty()) {
      if (wildcard) {
        error = "'*' must follow a word (write `negatyw*`, not `*`)";
        return {};
      }
      continue;  // punctuation only: it is a word boundary, like a space
    }
    if (any) re += ' ';
    any = true;
    re += RE2::QuoteMeta(re2::StringPiece(rest.data(), rest.size()));
    // The wildcard extends the last word of the token only ("e-mail*": mail*).
    if (wildcard) re += "[^ ]*";
  }
  if (!any) {
    error = "the phrase has no letters or digits";
    return {};
  }
  re += ' ';
  return re;
}

std::string kind_word(LexiconError::Kind k) {
  switch (k) {
    case LexiconError::Kind::phrase:
      return "phrase";
    case LexiconError::Kind::regex:
      return "regex";
    case LexiconError::Kind::whole:
      return "lexicon";
  }
  return "pattern";
}

[[noreturn]] void fail(const std::string& lexicon, LexiconError::Kind kind, std::size_t index,
                       const std::string& pattern, const std::string& reason) {
  std::string msg = "lexicon `" + lexicon + "`: ";
  if (kind != LexiconError::Kind::whole)
    msg += kind_word(kind) + " #" + std::to_string(index + 1) + " `" + pattern + "`: ";
  msg += reason;
  throw LexiconError(kind, index, pattern, reason, msg);
}

re2::StringPiece piece(std::string_view s) {
  return re2::StringPiece(s.data(), s.size());
}

// Patterns of one kind: a set for the yes/no question, and each regex alone
// for the words and as a fallback.
struct Group {
  std::unique_ptr<RE2::Set> set;
  std::vector<std::unique_ptr<RE2>> each;

  bool matches(std::string_view text) const {
    if (!set) return false;
    RE2::Set::ErrorInfo info{RE2::Set::kNoError};
    if (set->Match(piece(text), nullptr, &info)) return true;
    if (info.kind == RE2::Set::kNoError) return false;
    for (const auto& re : each)
      if (RE2::PartialMatch(piece(text), *re)) return true;
    return false;
  }

  void collect(std::string_view text, std::vector<std::string>& words) const {
    if (!set) return;
    std::vector<int> hits;
    RE2::Set::ErrorInfo info{RE2::Set::kNoError};
    if (!set->Match(piece(text), &hits, &info) && info.kind != RE2::Set::kNoError) {
      hits.clear();
      for (std::size_t k = 0; k < each.size(); ++k) hits.push_back(static_cast<int>(k));
    }
    std::sort(hits.begin(), hits.end());
    for (const int k : hits) {
      re2::StringPiece m;
      const auto& re = *each[static_cast<std::size_t>(k)];
      if (!re.Match(piece(text), 0, text.size(), RE2::UNANCHORED, &m, 1)) continue;
      const auto w = trim_spaces(std::string_view(m.data(), m.size()));
      if (w.empty()) continue;
      if (std::find(words.begin(), words.end(), w) == words.end()) words.emplace_back(w);
    }
  }
};

}  // namespace

LexiconError::LexiconError(Kind kind, std::size_t index, std::string pattern, std::string reason,
                           const std::string& message)
    : std::invalid_argument(message),
      kind_(kind),
      index_(index),
      pattern_(std::move(pattern)),
      reason_(std::move(reason)) {}

struct Lexicon::Impl {
  std::string name;
  Group phrases;  // run on the padded normalized text
  Group regexes;  // run on it without the padding
  std::size_t size = 0;
};

namespace {

void compile_group(const std::string& lexicon, LexiconError::Kind kind,
                   const std::vector<std::string>& sources, Group& g) {
  if (sources.empty()) return;
  const bool is_regex = kind == LexiconError::Kind::regex;
  g.set = std::make_unique<RE2::Set>(options(is_regex, kSetMaxMem), RE2::UNANCHORED);
  for (std::size_t k = 0; k < sources.size(); ++k) {
    std::string re;
    if (is_regex) {
      re = sources[k];
    } else {
      std::string error;
      re = phrase_regex(sources[k], error);
      if (re.empty()) fail(lexicon, kind, k, sources[k], error);
    }
    auto one = std::make_unique<RE2>(re, options(is_regex, kPatternMaxMem));
    if (!one->ok()) fail(lexicon, kind, k, sources[k], one->error());
    if (is_regex && RE2::PartialMatch("", *one))
      fail(lexicon, kind, k, sources[k],
           "the regex matches empty text, so it would match every complaint");
    std::string error;
    if (g.set->Add(re, &error) < 0) fail(lexicon, kind, k, sources[k], error);
    g.each.push_back(std::move(one));
  }
  if (!g.set->Compile())
    fail(lexicon, LexiconError::Kind::whole, 0, {},
         "too many or too large " + kind_word(kind) + "s to compile; split the lexicon");
}

}  // namespace

Lexicon::Lexicon(const LexiconSpec& spec) : impl_(std::make_unique<Impl>()) {
  impl_->name = spec.name;
  compile_group(spec.name, LexiconError::Kind::phrase, spec.phrases, impl_->phrases);
  compile_group(spec.name, LexiconError::Kind::regex, spec.regexes, impl_->regexes);
  impl_->size = spec.phrases.size() + spec.regexes.size();
}

Lexicon::~Lexicon() = default;
Lexicon::Lexicon(Lexicon&&) noexcept = default;
Lexicon& Lexicon::operator=(Lexicon&&) noexcept = default;

bool Lexicon::matches(std::string_view normalized) const {
  if (impl_->phrases.matches(normalized)) return true;
  return impl_->regexes.matches(trim_spaces(normalized));
}

LexiconMatch Lexicon::match(std::string_view normalized) const {
  LexiconMatch m;
  impl_->phrases.collect(normalized, m.words);
  const auto inner = trim_spaces(normalized);
  impl_->regexes.collect(inner, m.words);
  m.matched =
      !m.words.empty() || impl_->phrases.matches(normalized) || impl_->regexes.matches(inner);
  return m;
}

const std::string& Lexicon::name() const {
  return impl_->name;
}

std::size_t Lexicon::size() const {
  return impl_->size;
}

}  // namespace triage::policy
