// A cheap guess of a complaint's language from its text, for complaints whose
// export has no language column.
#pragma once

#include <string>
#include <string_view>

namespace triage::policy {

// Guesses the language of a complaint from its raw text: "uk" for Ukrainian
// Cyrillic (letters і ї є ґ, or Cyrillic without Russian-only letters), "cs"
// for Czech letters (ě š č ř ž ů ť ď ň ...) or common Czech words typed
// without diacritics, "pl" for Polish letters (ą ć ę ł ń ś ź ż) or common
// Polish words, "en" for common English words; empty when unsure.
// Supported: en, pl, cs, uk.
std::string guess_language(std::string_view raw_text);
// The same, given the text's normalize() output as well, so a caller that has
// it already does not normalize twice.
std::string guess_language(std::string_view raw_text, std::string_view normalized);

}  // namespace triage::policy
