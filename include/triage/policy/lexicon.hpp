// Lexicons: named lists of phrases and regexes compiled once into one RE2::Set,
// matched against normalized complaint text in the evaluator's hot loop.
#pragma once

#include <memory>
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

class Lexicon {
 public:
  // Compiles all phrases and regexes into one RE2::Set, plus one RE2 per
  // pattern for extracting the words of a hit. Phrases are normalized with
  // normalize(); a trailing '*' on a word matches any word ending (negatyw*
  // covers negatywa, negatywem, negatywną); phrases match only whole words.
  // Regexes are RE2 syntax run on the normalized text (lower case, no Latin
  // diacritics, single spaces, padded with a space at each end), with a memory
  // bound. An invalid phrase or regex throws std::invalid_argument whose message
  // names the lexicon, the pattern (kind, index, text) and the reason.
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
