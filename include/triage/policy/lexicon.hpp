// Lexicons: named lists of phrases and regexes compiled once into one RE2::Set,
// matched against normalized complaint text in the evaluator's hot loop.
#pragma once

#include <cstddef>
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
  // Compiles all phrases and regexes into one RE2::Set, plus one RE2 per
  // pattern for extracting the words of a hit. Phrases are normalized with
  // normalize(); a trailing '*' on a word matches any word ending (negatyw*
  // covers negatywa, negatywem, negatywną); phrases match only whole words.
  // Regexes are RE2 syntax, case-insensitive, run on the normalized text
  // without its two padding spaces (so ^ and $ mean the start and end of the
  // message; text is lower case, without Latin diacritics, one space between
  // words), with a memory bound. An invalid phrase or regex, or a regex that
  // matches empty text (it would match every complaint), throws LexiconError
  // (a std::invalid_argument) naming the lexicon, the pattern and the reason.
  // A lexicon with no patterns never matches.
  explicit Lexicon(const LexiconSpec& spec);
  ~Lexicon();
  Lexicon(const Lexicon&) = delete;
  Lexicon& operator=(const Lexicon&) = delete;
  Lexicon(Lexicon&&) noexcept;
  Lexicon& operator=(Lexicon&&) noexcept;

  // `normalized` must come from normalize(). Does not allocate on the common path.
  bool matches(std::string_view normalized) const;
  // Like matches(), and also extracts the matched words.
  LexiconMatch match(std::string_view normalized) const;

  const std::string& name() const;
  // Number of patterns (phrases + regexes).
  std::size_t size() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace triage::policy
