// libFuzzer target: the CSV reader behind the encoding detector, as `triage
// import` drives them, on arbitrary bytes. The first byte picks the delimiter
// and the encoding; the reader must never crash, never loop, and keep its
// promises about records (size limits, increasing line numbers).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "triage/core/error.hpp"
#include "triage/input/csv.hpp"
#include "triage/input/encoding.hpp"

namespace {

void check(bool ok, const char* what) {
  if (!ok) {
    __builtin_trap();  // an invariant broke: libFuzzer keeps the input
  }
  (void)what;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace triage::input;
  if (size == 0) return 0;
  const std::uint8_t mode = data[0];
  static const char delims[] = {0, ',', ';', '\t'};
  static const char* const encodings[] = {"auto", "utf-8", "cp1250", "auto"};
  const char delim = delims[mode & 3];
  const std::string encoding = encodings[(mode >> 2) & 3];
  StringSource raw(std::string(reinterpret_cast<const char*>(data) + 1, size - 1));
  try {
    DecodingSource text(raw, encoding, "fuzz.csv");
    CsvReader reader(text, delim);
    CsvRecord rec;
    std::int64_t last_line = 0;
    std::size_t records = 0;
    while (reader.next(rec)) {
      check(rec.line > last_line, "line numbers increase");
      last_line = rec.line;
      check(++records <= size + 1, "no more records than bytes");
      if (rec.error.empty()) {
        check(rec.raw.size() <= max_record_bytes, "record limit");
        for (auto f : rec.fields) check(f.size() <= max_field_bytes, "field limit");
        check(!rec.fields.empty(), "a record has a field");
      }
      if (text.utf8_check() == Utf8Check::none) check(valid_utf8(rec.raw), "transcoded text is UTF-8");
    }
    (void)text.sha256_hex();
  } catch (const triage::Error&) {
    // A refused input (unknown encoding, a read error) is a clean outcome.
  }
  return 0;
}
