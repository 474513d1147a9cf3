// A streaming RFC 4180 reader for real exports: quoted newlines, quotes and
// delimiters, CRLF, delimiter detection from the header line, and size limits
// per field and record. Memory stays bounded by the largest record, not the file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace triage::input {

inline constexpr std::size_t max_field_bytes = std::size_t{1} << 20;   // 1 MiB
inline constexpr std::size_t max_record_bytes = std::size_t{4} << 20;  // 4 MiB

// Where bytes come from: a file, standard input, a string, a decoder.
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to n bytes into buf; returns 0 at the end. Throws Error on failure.
  virtual std::size_t read(char* buf, std::size_t n) = 0;
};

// Reads a file descriptor (not owned); `name` is for error messages.
class FdSource : public ByteSource {
 public:
  FdSource(int fd, std::string name) : fd_(fd), name_(std::move(name)) {}
  std::size_t read(char* buf, std::size_t n) override;

 private:
  int fd_;
  std::string name_;
};

class StringSource : public ByteSource {
 public:
  explicit StringSource(std::string data) : data_(std::move(data)) {}
  std::size_t read(char* buf, std::size_t n) override;

 private:
  std::string data_;
  std::size_t pos_ = 0;
};

// One record. The views point into the reader's buffers and stay valid until
// the next call to next().
struct CsvRecord {
  std::int64_t line = 0;                  // 1-based line where the record starts
  std::string_view raw;                   // the record's bytes without its line ending
  bool raw_complete = true;               // false when the record was too large to keep
  std::vector<std::string_view> fields;   // unquoted, "" turned into "
  std::string error;                      // non-empty: the record cannot be read, and why
};

class CsvReader {
 public:
  // delimiter 0: detect from the first line (the one of , ; and tab that occurs
  // most often outside quotes; ',' when none does).
  CsvReader(ByteSource& source, char delimiter = 0);
  // Reads the next record; false at the end of the input. Blank lines are skipped.
  bool next(CsvRecord& out);
  char delimiter() const { return delim_; }

 private:
  enum class Step { done, need_more, too_big };
  bool fill();  // reads more into the buffer; false at the end of input
  void detect_delimiter();
  Step parse(CsvRecord& out);
  void skip_oversized(CsvRecord& out);

  ByteSource& src_;
  char delim_;
  std::vector<char> buf_;
  std::size_t begin_ = 0;  // start of unread data
  std::size_t end_ = 0;    // end of valid data
  bool eof_ = false;
  std::int64_t line_ = 1;
  // Offsets of each field's text: in buf_ (from >= 0) or in scratch_ (from < 0, as ~offset).
  struct Span {
    std::ptrdiff_t from;
    std::size_t len;
  };
  std::vector<Span> spans_;
  std::string scratch_;
};

}  // namespace triage::input
