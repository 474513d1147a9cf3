// Character encodings of exports: UTF-8 with or without a BOM, Windows-1250
// when the file is not UTF-8 (Polish and Czech Excel), or any encoding iconv
// knows when --encoding names it. Everything downstream sees UTF-8.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "triage/input/csv.hpp"

namespace triage::input {

// How records are checked after decoding.
enum class Utf8Check {
  none,         // transcoded by us: always valid UTF-8
  fallback,     // auto-detected UTF-8: a record that is not UTF-8 is read as Windows-1250
  reject,       // --encoding utf-8: a record that is not UTF-8 is rejected
};

// True when s is well-formed UTF-8. With allow_cut, an incomplete sequence at
// the very end is accepted (a chunk boundary, not an error).
bool valid_utf8(std::string_view s, bool allow_cut = false);

// Appends the UTF-8 form of Windows-1250 text to out.
void append_cp1250_as_utf8(std::string_view in, std::string& out);

// Wraps the raw input: hashes every raw byte (SHA-256), strips a BOM, picks the
// encoding (auto: a UTF-16 BOM, else UTF-8 when the first 64 KiB are valid
// UTF-8, else Windows-1250) and hands out UTF-8.
class DecodingSource : public ByteSource {
 public:
  // encoding: "auto" or any iconv name ("utf-8", "cp1250", "iso-8859-2", ...).
  DecodingSource(ByteSource& raw, const std::string& encoding, std::string name);
  ~DecodingSource() override;
  std::size_t read(char* buf, std::size_t n) override;

  const std::string& encoding() const { return encoding_; }  // as chosen, for messages
  Utf8Check utf8_check() const { return check_; }
  // Hex SHA-256 of every raw byte; complete once read() has returned 0.
  std::string sha256_hex() const;
  std::uint64_t raw_bytes() const { return raw_bytes_; }

 private:
  std::size_t read_raw(char* buf, std::size_t n);
  std::size_t read_converted(char* buf, std::size_t n);

  ByteSource& raw_;
  std::string name_;
  std::string encoding_;
  Utf8Check check_ = Utf8Check::fallback;
  enum class Path { pass, cp1250, iconv } path_ = Path::pass;
  std::vector<char> prefix_;  // bytes read for detection, handed out first
  std::size_t prefix_pos_ = 0;
  std::uint64_t raw_bytes_ = 0;
  struct Hash;
  std::unique_ptr<Hash> hash_;
  void* iconv_ = nullptr;       // iconv_t
  std::vector<char> pending_;   // raw bytes not yet converted (a cut sequence)
  std::string out_;             // converted bytes not yet handed out
  std::size_t out_pos_ = 0;
  bool raw_eof_ = false;
};

}  // namespace triage::input
