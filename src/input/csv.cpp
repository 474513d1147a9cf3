// The streaming CSV reader. A record is parsed from the start of the unread
// data; when the buffer ends mid-record more is read and the record parsed
// again (reads grow with the record, so this stays linear).
#include "triage/input/csv.hpp"

#include <unistd.h>

#include <fmt/core.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "triage/core/error.hpp"

namespace triage::input {

std::size_t FdSource::read(char* buf, std::size_t n) {
  for (;;) {
    const ssize_t got = ::read(fd_, buf, n);
    if (got >= 0) return static_cast<std::size_t>(got);
    if (errno == EINTR) continue;
    throw Error(ErrorKind::input, fmt::format("{}: cannot read: {}", name_, std::strerror(errno)));
  }
}

std::size_t StringSource::read(char* buf, std::size_t n) {
  const std::size_t k = std::min(n, data_.size() - pos_);
  std::memcpy(buf, data_.data() + pos_, k);
  pos_ += k;
  return k;
}

namespace {
constexpr std::size_t min_chunk = 256 * 1024;
}

CsvReader::CsvReader(ByteSource& source, char delimiter) : src_(source), delim_(delimiter) {
  buf_.resize(min_chunk * 2);
  fill();
  if (end_ >= 3 && std::memcmp(buf_.data(), "\xEF\xBB\xBF", 3) == 0) begin_ = 3;
  if (delim_ == 0) detect_delimiter();
}

bool CsvReader::fill() {
  if (eof_) return false;
  if (begin_ > 0) {
    std::memmove(buf_.data(), buf_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  const std::size_t want = std::max(min_chunk, end_);
  if (buf_.size() - end_ < want) buf_.resize(end_ + want);
  const std::size_t got = src_.read(buf_.data() + end_, buf_.size() - end_);
  if (got == 0) eof_ = true;
  end_ += got;
  return got > 0;
}

void CsvReader::detect_delimiter() {
  // Make sure the whole first line is here (bounded: a header is never huge).
  for (;;) {
    bool quoted = false, complete = false;
    for (std::size_t i = begin_; i < end_; ++i) {
      const char c = buf_[i];
      if (c == '"') quoted = !quoted;
      else if ((c == '\n' || c == '\r') && !quoted) {
        complete = true;
        break;
      }
    }
    if (complete || eof_ || end_ - begin_ > 64 * 1024) break;
    fill();
  }
  std::size_t comma = 0, semi = 0, tab = 0;
  bool quoted = false;
  for (std::size_t i = begin_; i < end_; ++i) {
    const char c = buf_[i];
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n' || c == '\r') break;
    comma += c == ',';
    semi += c == ';';
    tab += c == '\t';
  }
  delim_ = ',';
  if (semi > comma && semi >= tab) delim_ = ';';
  else if (tab > comma && tab > semi) delim_ = '\t';
}

CsvReader::Step CsvReader::parse(CsvRecord& out) {
  spans_.clear();
  scratch_.clear();
  out.error.clear();
  const char* b = buf_.data();
  std::size_t p = begin_;
  std::int64_t newlines = 0;
  std::size_t rec_end = 0, next = 0;
  const char d = delim_;
  for (;;) {
    std::ptrdiff_t from = static_cast<std::ptrdiff_t>(p);
    std::size_t len = 0;
    if (p < end_ && b[p] == '"') {
      const std::size_t open = p + 1;
      std::size_t q = open, close = 0;
      bool escaped = false, closed = false;
      for (;;) {
        const void* hit = q < end_ ? std::memchr(b + q, '"', end_ - q) : nullptr;
        if (!hit) break;
        const std::size_t at = static_cast<std::size_t>(static_cast<const char*>(hit) - b);
        if (at + 1 >= end_ && !eof_) return Step::need_more;
        if (at + 1 < end_ && b[at + 1] == '"') {
          escaped = true;
          q = at + 2;
          continue;
        }
        close = at;
        closed = true;
        break;
      }
      if (!closed) {
        if (!eof_) return Step::need_more;
        out.error = fmt::format("a quoted field opened on line {} is never closed (unterminated quote)",
                                line_ + newlines);
        newlines += std::count(b + open, b + end_, '\n');
        rec_end = next = end_;
        spans_.push_back({static_cast<std::ptrdiff_t>(open), end_ - open});
        break;
      }
      newlines += std::count(b + open, b + close, '\n');
      p = close + 1;
      const bool tail = p < end_ && b[p] != d && b[p] != '\n' && b[p] != '\r';
      if (escaped || tail) {
        // Unescape into scratch; text after the closing quote is kept as is.
        from = ~static_cast<std::ptrdiff_t>(scratch_.size());
        for (std::size_t i = open; i < close; ++i) {
          scratch_.push_back(b[i]);
          if (b[i] == '"') ++i;
        }
        while (p < end_ && b[p] != d && b[p] != '\n' && b[p] != '\r') scratch_.push_back(b[p++]);
        if (p >= end_ && !eof_) return Step::need_more;
        len = scratch_.size() - static_cast<std::size_t>(~from);
      } else {
        from = static_cast<std::ptrdiff_t>(open);
        len = close - open;
      }
    } else {
      std::size_t e = p;
      while (e < end_) {
        const char c = b[e];
        if (c == d || c == '\n' || c == '\r') break;
        ++e;
      }
      if (e >= end_ && !eof_) return Step::need_more;
      len = e - p;
      p = e;
    }
    if (len > max_field_bytes && out.error.empty()) {
      out.error = fmt::format("field {} is larger than the 1 MiB limit", spans_.size() + 1);
    }
    spans_.push_back({from, len});
    if (p >= end_) {
      rec_end = next = end_;
      break;
    }
    const char c = b[p];
    if (c == d) {
      ++p;
      if (p >= end_) {
        if (!eof_) return Step::need_more;
        spans_.push_back({static_cast<std::ptrdiff_t>(p), 0});
        rec_end = next = end_;
        break;
      }
      continue;
    }
    if (c == '\n') {
      rec_end = p;
      next = p + 1;
      break;
    }
    // '\r': CRLF, or a lone CR ending the line.
    if (p + 1 >= end_ && !eof_) return Step::need_more;
    rec_end = p;
    next = (p + 1 < end_ && b[p + 1] == '\n') ? p + 2 : p + 1;
    break;
  }
  out.line = line_;
  out.raw = std::string_view(b + begin_, rec_end - begin_);
  out.raw_complete = true;
  line_ += newlines + 1;
  begin_ = next;
  out.fields.resize(spans_.size());
  for (std::size_t i = 0; i < spans_.size(); ++i) {
    const Span s = spans_[i];
    out.fields[i] = s.from >= 0 ? std::string_view(b + s.from, s.len)
                                : std::string_view(scratch_.data() + ~s.from, s.len);
  }
  if (out.raw.size() > max_record_bytes) {
    // Same outcome whether or not the whole record happened to fit in the buffer.
    out.error = "the record is larger than the 4 MiB limit (not copied to the rejects file)";
    out.raw = {};
    out.raw_complete = false;
  }
  return Step::done;
}

void CsvReader::skip_oversized(CsvRecord& out) {
  // Scan to the end of the record without keeping it, tracking quotes only.
  out.line = line_;
  out.raw = {};
  out.raw_complete = false;
  out.fields.clear();
  bool quoted = false;
  std::int64_t newlines = 0;
  for (;;) {
    for (std::size_t i = begin_; i < end_; ++i) {
      const char c = buf_[i];
      if (c == '"') quoted = !quoted;
      else if (c == '\n') {
        if (!quoted) {
          begin_ = i + 1;
          line_ += newlines + 1;
          out.error = "the record is larger than the 4 MiB limit (not copied to the rejects file)";
          return;
        }
        ++newlines;
      }
    }
    begin_ = end_;
    if (!fill()) break;
  }
  line_ += newlines + 1;
  out.error = quoted ? "a quoted field is never closed (unterminated quote); the rest of the file "
                       "is one record over the 4 MiB limit"
                     : "the record is larger than the 4 MiB limit (not copied to the rejects file)";
}

bool CsvReader::next(CsvRecord& out) {
  for (;;) {
    if (begin_ >= end_) {
      if (eof_ || !fill()) {
        if (begin_ >= end_) return false;
      }
    }
    const Step s = parse(out);
    if (s == Step::need_more) {
      if (end_ - begin_ > max_record_bytes) {
        skip_oversized(out);
        return true;
      }
      fill();
      continue;
    }
    if (out.fields.size() == 1 && out.raw.empty() && out.error.empty()) continue;  // blank line
    return true;
  }
}

}  // namespace triage::input
