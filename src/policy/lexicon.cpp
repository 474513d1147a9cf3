// Lexicon compilation and matching (see lexicon.hpp). Phrases become regexes
// over normalized text whose words are separated by single spaces, so a word
// boundary is simply a space (RE2's \b only knows ASCII words). Regexes are
// only parsed up front (compiling policies' \pL-heavy regexes costs ten times
// more, and `triage check` should start fast); they are compiled on first use
// behind a literal prefilter (re2::FilteredRE2), so that a text runs only the
// regexes whose required words it contains.
#include "triage/policy/lexicon.hpp"

#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <cstring>
#include <array>
#include <cstdint>
#include <mutex>
#include <utility>

#include "triage/policy/text.hpp"

namespace triage::policy {
namespace {

// Per compiled regex; RE2 falls back to slower matching rather than failing
// when a search needs more.
constexpr std::int64_t kPatternMaxMem = 512 << 10;
// Per set: a set's DFA failing for lack of memory would read as "no match",
// so sets get room, and matching falls back to the single regexes if it happens.
constexpr std::int64_t kSetMaxMem = 16 << 20;
// The bank's phrase set holds every phrase of a pack.
constexpr std::int64_t kBankMaxMem = 32 << 20;
// Literals shorter than this are not used to rule regexes out.
constexpr int kMinAtomLength = 3;

RE2::Options options(std::int64_t max_mem) {
  RE2::Options o;
  o.set_encoding(RE2::Options::EncodingUTF8);
  o.set_max_mem(max_mem);
  o.set_log_errors(false);
  // The text is already case-folded; case-insensitive matching would make
  // Unicode classes such as \pL ten times slower to compile.
  o.set_case_sensitive(true);
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

// A phrase as literal pieces, matched without a regex when its words are
// wanted: each piece is " word" (the word may hold single spaces, as
// normalize() splits "e-mail" into "e mail"), optionally followed by the rest
// of a word (the trailing '*'); the phrase ends with a space.
struct PhrasePiece {
  std::string literal;  // starts with ' '
  bool wildcard = false;
};
using PhraseLiteral = std::vector<PhrasePiece>;

// The regex for one phrase, or an empty string with `error` set; `pieces`
// gets the same phrase as literals.
std::string phrase_regex(std::string_view phrase, std::string& error, PhraseLiteral* pieces = nullptr) {
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
    if (pieces) {
      auto& piece = pieces->emplace_back();
      piece.literal.reserve(rest.size() + 1);
      piece.literal += ' ';
      piece.literal.append(rest.data(), rest.size());
      piece.wildcard = wildcard;
    }
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

void add_word(std::string_view m, std::vector<std::string>& words) {
  const auto w = trim_spaces(m);
  if (w.empty()) return;
  if (std::find(words.begin(), words.end(), w) == words.end()) words.emplace_back(w);
}

void add_word(const re2::StringPiece& m, std::vector<std::string>& words) {
  add_word(std::string_view(m.data(), m.size()), words);
}

// The leftmost match of a phrase in normalized text, as its regex
// (" word[^ ]* word ") finds it: a wildcard can only stop at the space that
// must follow it, so a start position has at most one match. Empty when none.
std::string_view find_phrase(std::string_view text, const PhraseLiteral& pieces) {
  if (pieces.empty()) return {};
  const std::string_view first = std::string_view(pieces.front().literal).substr(1);  // without its space
  std::size_t from = 1;
  while (from + first.size() <= text.size()) {
    const void* hit = ::memmem(text.data() + from, text.size() - from, first.data(), first.size());
    if (!hit) return {};
    const std::size_t word = static_cast<std::size_t>(static_cast<const char*>(hit) - text.data());
    from = word + 1;
    if (text[word - 1] != ' ') continue;
    std::size_t pos = word + first.size();
    bool ok = true;
    for (std::size_t k = 0; k < pieces.size() && ok; ++k) {
      if (k > 0) {
        const auto& lit = pieces[k].literal;
        if (text.compare(pos, lit.size(), lit) != 0) {
          ok = false;
          break;
        }
        pos += lit.size();
      }
      if (pieces[k].wildcard)
        while (pos < text.size() && text[pos] != ' ') ++pos;
    }
    if (ok && pos < text.size() && text[pos] == ' ') return text.substr(word - 1, pos + 1 - (word - 1));
  }
  return {};
}

// Phrases: one set for the yes/no question, and each phrase alone for the
// words and as a fallback. The regexes are built (and so checked) with the
// lexicon, and compiled on first use.
struct PhraseGroup {
  std::vector<std::string> patterns;  // one regex per phrase
  std::vector<PhraseLiteral> literals;  // the same phrases as literal pieces
  mutable std::once_flag once;
  mutable std::unique_ptr<RE2::Set> set;  // null when it could not be compiled
  mutable std::vector<std::unique_ptr<RE2>> each;

  void prepare() const {
    std::call_once(once, [this] {
      auto s = std::make_unique<RE2::Set>(options(kSetMaxMem), RE2::UNANCHORED);
      bool ok = true;
      for (const auto& p : patterns) {
        each.push_back(std::make_unique<RE2>(p, options(kPatternMaxMem)));
        ok = ok && s->Add(p, nullptr) >= 0;
      }
      if (ok && s->Compile()) set = std::move(s);
    });
  }

  bool matches(std::string_view text) const {
    if (patterns.empty()) return false;
    prepare();
    if (set) {
      RE2::Set::ErrorInfo info{RE2::Set::kNoError};
      if (set->Match(piece(text), nullptr, &info)) return true;
      if (info.kind == RE2::Set::kNoError) return false;
    }
    for (const auto& re : each)
      if (re->ok() && RE2::PartialMatch(piece(text), *re)) return true;
    return false;
  }

  // The words of every phrase that matches, in phrase order, found by plain
  // substring search (no regex, no set pass).
  void collect(std::string_view text, std::vector<std::string>& words) const {
    if (literals.size() == patterns.size()) {
      for (const auto& l : literals) {
        const auto m = find_phrase(text, l);
        if (!m.empty()) add_word(m, words);
      }
      return;
    }
    collect_regex(text, words);
  }

  void collect_regex(std::string_view text, std::vector<std::string>& words) const {
    if (patterns.empty()) return;
    prepare();
    std::vector<int> hits;
    RE2::Set::ErrorInfo info{RE2::Set::kNoError};
    if (!set || (!set->Match(piece(text), &hits, &info) && info.kind != RE2::Set::kNoError)) {
      hits.clear();
      for (std::size_t k = 0; k < each.size(); ++k) hits.push_back(static_cast<int>(k));
    }
    std::sort(hits.begin(), hits.end());
    for (const int k : hits) {
      const auto& re = *each[static_cast<std::size_t>(k)];
      re2::StringPiece m;
      if (re.ok() && re.Match(piece(text), 0, text.size(), RE2::UNANCHORED, &m, 1))
        add_word(m, words);
    }
  }
};

// Finds which of a list of literal strings occur in a text, in one pass
// (Aho-Corasick over bytes). An RE2::Set of the same literals in many-match
// mode is several times slower, because its DFA states also track which
// literals have matched so far.
class LiteralMatcher {
 public:
  explicit LiteralMatcher(const std::vector<std::string>& literals) {
    // Bytes that occur in no literal share one class, keeping the table small.
    classes_.fill(0);
    int n = 1;
    for (const auto& l : literals)
      for (const char ch : l) {
        auto& c = classes_[static_cast<unsigned char>(ch)];
        if (c == 0) c = static_cast<std::uint16_t>(n++);
      }
    width_ = static_cast<std::size_t>(n);
    // The trie, with -1 for "no child".
    std::vector<std::vector<int>> own(1);
    next_.assign(width_, -1);
    for (std::size_t id = 0; id < literals.size(); ++id) {
      std::size_t s = 0;
      for (const char ch : literals[id]) {
        const std::size_t c = classes_[static_cast<unsigned char>(ch)];
        if (next_[s * width_ + c] < 0) {
          next_[s * width_ + c] = static_cast<int>(own.size());
          own.emplace_back();
          next_.resize(next_.size() + width_, -1);
        }
        s = static_cast<std::size_t>(next_[s * width_ + c]);
      }
      own[s].push_back(static_cast<int>(id));
    }
    // Breadth first: failure links, full transitions, inherited outputs.
    const std::size_t states = own.size();
    std::vector<int> fail(states, 0), order;
    order.reserve(states);
    for (std::size_t c = 0; c < width_; ++c) {
      int& t = next_[c];
      if (t < 0) {
        t = 0;
      } else {
        order.push_back(t);
      }
    }
    for (std::size_t k = 0; k < order.size(); ++k) {
      const auto s = static_cast<std::size_t>(order[k]);
      const auto f = static_cast<std::size_t>(fail[s]);
      own[s].insert(own[s].end(), own[f].begin(), own[f].end());
      for (std::size_t c = 0; c < width_; ++c) {
        int& t = next_[s * width_ + c];
        if (t < 0) {
          t = next_[f * width_ + c];
        } else {
          fail[static_cast<std::size_t>(t)] = next_[f * width_ + c];
          order.push_back(t);
        }
      }
    }
    out_begin_.reserve(states + 1);
    for (const auto& o : own) {
      out_begin_.push_back(static_cast<int>(out_.size()));
      out_.insert(out_.end(), o.begin(), o.end());
    }
    out_begin_.push_back(static_cast<int>(out_.size()));
    // A transition into a state that completes a literal is stored as the
    // state's complement (negative), so the scan looks at outputs only then.
    for (int& t : next_)
      if (!own[static_cast<std::size_t>(t)].empty()) t = ~t;
    count_ = literals.size();
  }

  // The ids of the literals found, each once, in no particular order.
  void find(std::string_view text, std::vector<int>& ids) const {
    ids.clear();
    thread_local std::vector<std::uint8_t> seen;
    if (seen.size() < count_) seen.resize(count_, 0);
    std::size_t s = 0;
    for (const char ch : text) {
      const int t = next_[s * width_ + classes_[static_cast<unsigned char>(ch)]];
      if (t >= 0) {
        s = static_cast<std::size_t>(t);
        continue;
      }
      s = static_cast<std::size_t>(~t);
      for (int k = out_begin_[s]; k < out_begin_[s + 1]; ++k) {
        const int id = out_[static_cast<std::size_t>(k)];
        if (!seen[static_cast<std::size_t>(id)]) {
          seen[static_cast<std::size_t>(id)] = 1;
          ids.push_back(id);
        }
      }
    }
    for (const int id : ids) seen[static_cast<std::size_t>(id)] = 0;
  }

 private:
  std::array<std::uint16_t, 256> classes_{};
  std::size_t width_ = 1;
  std::vector<int> next_;  // state * width_ + class -> state
  std::vector<int> out_begin_;
  std::vector<int> out_;
  std::size_t count_ = 0;
};

// Regexes: parsed when the lexicon is built, compiled on first use. A text
// first has its required literals ("atoms") found in one set pass; only the
// regexes those atoms allow are run.
struct RegexGroup {
  std::vector<std::string> sources;
  mutable std::once_flag once;
  mutable std::unique_ptr<re2::FilteredRE2> filter;
  mutable std::unique_ptr<LiteralMatcher> atoms;  // null when no regex has an atom
  mutable std::vector<int> source_of;             // filter id -> index in sources
  mutable std::vector<std::string> atom_strings;

  bool empty() const { return sources.empty(); }

  void prepare() const {
    std::call_once(once, [this] {
      filter = std::make_unique<re2::FilteredRE2>(kMinAtomLength);
      for (std::size_t k = 0; k < sources.size(); ++k) {
        int id = -1;
        // A regex that parsed but is too large to compile never matches;
        // the parse check in the constructor catches every syntax error.
        if (filter->Add(sources[k], options(kPatternMaxMem), &id) == RE2::NoError)
          source_of.push_back(static_cast<int>(k));
      }
      if (source_of.empty()) return;
      filter->Compile(&atom_strings);
      if (!atom_strings.empty()) atoms = std::make_unique<LiteralMatcher>(atom_strings);
    });
  }

  // The atoms present in `text`.
  void find_atoms(std::string_view text, std::vector<int>& ids) const {
    ids.clear();
    if (atoms) atoms->find(text, ids);
  }

  bool matches(std::string_view text) const {
    if (sources.empty()) return false;
    prepare();
    if (source_of.empty()) return false;
    thread_local std::vector<int> ids;
    find_atoms(text, ids);
    return filter->FirstMatch(piece(text), ids) >= 0;
  }

  // Like matches(), with the atoms present already found (by a bank).
  bool matches_given(std::string_view text, const std::vector<int>& ids) const {
    if (source_of.empty()) return false;
    return filter->FirstMatch(piece(text), ids) >= 0;
  }

  void collect(std::string_view text, std::vector<std::string>& words) const {
    if (sources.empty()) return;
    prepare();
    if (source_of.empty()) return;
    std::vector<int> ids, hits;
    find_atoms(text, ids);
    // The regexes the atoms allow, each run once: the match that gives the
    // words also says whether it matched.
    filter->AllPotentials(ids, &hits);
    std::sort(hits.begin(), hits.end());
    for (const int k : hits) {
      re2::StringPiece m;
      if (filter->GetRE2(k).Match(piece(text), 0, text.size(), RE2::UNANCHORED, &m, 1))
        add_word(m, words);
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
  PhraseGroup phrases;  // run on the padded normalized text
  RegexGroup regexes;   // run on it without the padding
  std::size_t size = 0;
};

namespace {

void build_phrases(const std::string& lexicon, const std::vector<std::string>& sources,
                   PhraseGroup& g) {
  for (std::size_t k = 0; k < sources.size(); ++k) {
    std::string error;
    PhraseLiteral pieces;
    std::string re = phrase_regex(sources[k], error, &pieces);
    if (re.empty()) fail(lexicon, LexiconError::Kind::phrase, k, sources[k], error);
    g.patterns.push_back(std::move(re));
    g.literals.push_back(std::move(pieces));
  }
}

void parse_regexes(const std::string& lexicon, const std::vector<std::string>& sources,
                   RegexGroup& g) {
  // Set::Add parses without compiling: a cheap syntax check.
  RE2::Set probe(options(kSetMaxMem), RE2::UNANCHORED);
  for (std::size_t k = 0; k < sources.size(); ++k) {
    std::string error;
    if (probe.Add(sources[k], &error) < 0)
      fail(lexicon, LexiconError::Kind::regex, k, sources[k], error);
    if (sources[k].empty())
      fail(lexicon, LexiconError::Kind::regex, k, sources[k],
           "an empty regex would match every complaint");
  }
  g.sources = sources;
}

}  // namespace

Lexicon::Lexicon(const LexiconSpec& spec) : impl_(std::make_unique<Impl>()) {
  impl_->name = spec.name;
  build_phrases(spec.name, spec.phrases, impl_->phrases);
  parse_regexes(spec.name, spec.regexes, impl_->regexes);
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

void Lexicon::prepare() const {
  impl_->regexes.prepare();
}

struct LexiconBank::Impl {
  std::vector<const Lexicon*> lexicons;
  std::once_flag once;
  // Every phrase of every lexicon, and the lexicon each belongs to.
  std::unique_ptr<RE2::Set> phrases;
  std::vector<int> owner;
  std::vector<int> with_regexes;  // lexicons that have regexes
  // The atoms of all their regexes in one matcher, so one pass over a text
  // serves every lexicon's prefilter; for each, whose atom it is.
  std::unique_ptr<LiteralMatcher> atoms;
  std::vector<std::pair<int, int>> atom_owner;  // (index in with_regexes, atom id there)
  bool use_set = false;

  void build() {
    auto set = std::make_unique<RE2::Set>(options(kBankMaxMem), RE2::UNANCHORED);
    for (std::size_t i = 0; i < lexicons.size(); ++i) {
      if (lexicons[i] == nullptr) continue;
      const auto& lx = *lexicons[i]->impl_;
      if (!lx.regexes.empty()) with_regexes.push_back(static_cast<int>(i));
      for (const auto& p : lx.phrases.patterns) {
        if (set->Add(p, nullptr) < 0) return;
        owner.push_back(static_cast<int>(i));
      }
    }
    std::vector<std::string> all_atoms;
    for (std::size_t k = 0; k < with_regexes.size(); ++k) {
      const auto& g = lexicons[static_cast<std::size_t>(with_regexes[k])]->impl_->regexes;
      g.prepare();
      for (std::size_t a = 0; a < g.atom_strings.size(); ++a) {
        all_atoms.push_back(g.atom_strings[a]);
        atom_owner.emplace_back(static_cast<int>(k), static_cast<int>(a));
      }
    }
    if (!all_atoms.empty()) atoms = std::make_unique<LiteralMatcher>(all_atoms);
    if (owner.empty()) {
      use_set = true;
      return;
    }
    // Too large for one set: each lexicon answers on its own instead.
    if (!set->Compile()) return;
    phrases = std::move(set);
    use_set = true;
  }

  // Marks the lexicons whose phrases match; false when the set could not
  // answer (its DFA ran out of memory).
  bool mark(std::string_view text, std::vector<std::int8_t>& out) const {
    if (!phrases) return true;
    thread_local std::vector<int> hits;
    RE2::Set::ErrorInfo info{RE2::Set::kNoError};
    if (!phrases->Match(piece(text), &hits, &info)) return info.kind == RE2::Set::kNoError;
    for (const int k : hits) out[static_cast<std::size_t>(owner[static_cast<std::size_t>(k)])] = 1;
    return true;
  }
};

LexiconBank::LexiconBank() : impl_(std::make_unique<Impl>()) {}

LexiconBank::LexiconBank(const std::vector<const Lexicon*>& lexicons)
    : impl_(std::make_unique<Impl>()) {
  impl_->lexicons = lexicons;
}

LexiconBank::~LexiconBank() = default;
LexiconBank::LexiconBank(LexiconBank&&) noexcept = default;
LexiconBank& LexiconBank::operator=(LexiconBank&&) noexcept = default;

std::size_t LexiconBank::size() const {
  return impl_->lexicons.size();
}

void LexiconBank::match_all(std::string_view normalized, std::vector<std::int8_t>& out) const {
  auto& b = *impl_;
  std::call_once(b.once, [&b] { b.build(); });
  const auto& lx = b.lexicons;
  out.assign(lx.size(), 0);
  if (b.use_set && b.mark(normalized, out)) {
    const auto& with = b.with_regexes;
    if (std::all_of(with.begin(), with.end(),
                    [&out](int i) { return out[static_cast<std::size_t>(i)] != 0; }))
      return;
    const auto inner = trim_spaces(normalized);
    thread_local std::vector<int> found;
    thread_local std::vector<std::vector<int>> given;
    given.resize(with.size());
    for (auto& g : given) g.clear();
    found.clear();
    if (b.atoms) b.atoms->find(inner, found);
    for (const int id : found) {
      const auto& [k, a] = b.atom_owner[static_cast<std::size_t>(id)];
      given[static_cast<std::size_t>(k)].push_back(a);
    }
    for (std::size_t k = 0; k < with.size(); ++k) {
      auto& o = out[static_cast<std::size_t>(with[k])];
      if (o == 0 &&
          lx[static_cast<std::size_t>(with[k])]->impl_->regexes.matches_given(inner, given[k]))
        o = 1;
    }
    return;
  }
  for (std::size_t i = 0; i < lx.size(); ++i)
    out[i] = lx[i] != nullptr && lx[i]->matches(normalized) ? 1 : 0;
}

}  // namespace triage::policy
