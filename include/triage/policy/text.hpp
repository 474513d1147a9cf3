// Text normalization for phrase matching: one canonical spelling of a message
// so that case, diacritics, punctuation and spacing do not decide a match.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace triage::policy {

// Inputs longer than this are cut (at a character boundary) before
// normalizing; complaints longer than this are pasted logs, not prose.
inline constexpr std::size_t kMaxNormalizeInput = 64 * 1024;

// Normalizes text for matching:
//  - Unicode case folding (utf8proc);
//  - Latin diacritics removed (NFKD, combining marks dropped), plus Latin letters Unicode
//    does not decompose: ł→l, đ→d, ø→o, ß→ss, æ→ae, œ→oe, þ→th, ı→i, ŀ→l, ħ→h, ŧ→t ...;
//  - Cyrillic (and other scripts) only case-folded: marks are kept, because in Ukrainian
//    й/ї are different letters from и/і, not accented forms (ё→е is the one exception, as
//    Russian writers drop its dots freely);
//  - every run of characters that are not letters or digits becomes one space, except
//    apostrophes (' ’ ʼ ‘), which are dropped so "don't" matches "dont" and Ukrainian
//    "пам'ять" stays one word, and invisible format characters (soft hyphen, zero-width
//    space/joiners, BOM), which are dropped so they cannot split a word;
//  - the result starts and ends with one space, so word boundaries are spaces
//    (an empty or all-punctuation input gives " ").
// Invalid UTF-8 bytes are dropped.
std::string normalize(std::string_view text);

// Same as normalize(), writing into `out` (cleared first) so a caller in a loop
// can reuse its buffer.
void normalize_into(std::string_view text, std::string& out);

}  // namespace triage::policy
