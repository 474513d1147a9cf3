// Lexicons: named lists of phrases and regexes compiled once into one RE2::Set,
// matched against normalized complaint text in the evaluator's hot loop.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace triage::policy {

struct LexiconSpec {
  std::string name;
  std::vector<std::string> phrases;
  std::vector<std::string> regexes;
};

struct LexiconMatch {
  bool matched = false;
  // The matched substrings of the normalized text, trimmed of the boundary
  // spaces, in pattern order (phrases first, then regexes); one per matching pattern.
  std::vector<std::string> words;
};

// Why a lexicon did not compile. what() is a whole message
// ("lexicon `review_threat`: regex #2 `(a`: missing ): (a"); the fields let
// the checker point at the TOML array element.
class LexiconError : public std::invalid_argument {
 public:
  enum class Kind { phrase, regex, whole };
  LexiconError(Kind kind, std::size_t index, std::string pattern, std::string reason,
               const std::string& message);
  Kind kind() const { return kind_; }
  std::size_t index() const { return index_; }  // 0-based, within phrases or regexes
  const std::string& pattern() const { return pattern_; }
  const std::string& reason() const { return reason_; }

 private:
  Kind kind_;
  std::size_t index_;
  std::string pattern_;
  std::string reason_;
};

class Lexicon {
 public:
  // Checks the patterns; they are compiled on first use (see prepare()) so
  // that loading a pack stays fast. Phrases are normalized with normalize();
  // a trailing '*' on a word matches any word ending (negatyw* covers
  // negatywa, negatywem, negatywną); phrases match only whole words, and
  // compile into one RE2::Set plus one RE2 each for extracting the words of a
  // hit. Regexes are RE2 syntax run on the normalized text without its two
  // padding spaces (so ^ and $ mean the start and end of the message; the
  // text is lower case, so write regexes in lower case; no Latin diacritics;
  // one space between words), with a memory bound, behind a literal
  // prefilter. An invalid phrase or regex throws LexiconError (a
  // std::invalid_argument) naming the lexicon, the pattern and the reason. A
  // lexicon with no patterns never matches.
  explicit Lexicon(const LexiconSpec& spec);
  ~Lexicon();
  Lexicon(const Lexicon&) = delete;
  Lexicon& operator=(const Lexicon&) = delete;
  Lexicon(Lexicon&&) noexcept;
  Lexicon& operator=(Lexicon&&) noexcept;

  // `normalized` must come from normalize(). Phrases are answered without
  // allocating; regexes run only when the text holds their required literals.
  bool matches(std::string_view normalized) const;
  // Like matches(), and also extracts the matched words.
  LexiconMatch match(std::string_view normalized) const;

  const std::string& name() const;
  // Number of patterns (phrases + regexes).
  std::size_t size() const;
  // Compiles the patterns now rather than on the first match (thread-safe;
  // matching calls it itself). A regex too large to compile never matches.
  void prepare() const;

 private:
  friend class LexiconBank;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// All lexicons of a pack with their phrases in one RE2::Set, so that one pass
// over a text answers every lexicon's phrases at once (a set pass costs about
// the same whatever the number of patterns; twenty lexicons asked in turn are
// many times slower); regexes then run, behind their prefilter, only for the
// lexicons not yet matched.
class LexiconBank {
 public:
  LexiconBank();
  // The lexicons must outlive the bank; a null entry never matches. The set
  // is compiled on the first match_all() (thread-safe).
  explicit LexiconBank(const std::vector<const Lexicon*>& lexicons);
  ~LexiconBank();
  LexiconBank(LexiconBank&&) noexcept;
  LexiconBank& operator=(LexiconBank&&) noexcept;

  // `normalized` must come from normalize(). Resizes `out` to size() and sets
  // out[i] to 1 when lexicon i matches, else 0; same answers as each
  // lexicon's matches(). Reuse `out` across calls to avoid allocating.
  void match_all(std::string_view normalized, std::vector<std::int8_t>& out) const;
  std::size_t size() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace triage::policy
