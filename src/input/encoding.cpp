// Encoding detection and conversion to UTF-8. Windows-1250 goes through a
// table built once from iconv; other encodings stream through iconv(3).
#include "triage/input/encoding.hpp"

#include <iconv.h>
#include <openssl/evp.h>

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>

#include "triage/core/error.hpp"

namespace triage::input {

bool valid_utf8(std::string_view s, bool allow_cut) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* e = p + s.size();
  while (p < e) {
    // Eight ASCII bytes at a time: the common case in exports.
    while (e - p >= 8) {
      std::uint64_t w;
      std::memcpy(&w, p, 8);
      if (w & 0x8080808080808080ull) break;
      p += 8;
    }
    if (p >= e) break;
    const unsigned c = *p;
    if (c < 0x80) {
      ++p;
      continue;
    }
    int n;
    unsigned min;
    if ((c & 0xE0) == 0xC0) n = 1, min = 0x80;
    else if ((c & 0xF0) == 0xE0) n = 2, min = 0x800;
    else if ((c & 0xF8) == 0xF0) n = 3, min = 0x10000;
    else return false;
    if (e - p <= n) {
      // Not enough bytes left: fine at a cut, if what is there is a valid start.
      if (!allow_cut) return false;
      for (const auto* q = p + 1; q < e; ++q)
        if ((*q & 0xC0) != 0x80) return false;
      return true;
    }
    unsigned cp = c & (0x3F >> n);
    for (int i = 1; i <= n; ++i) {
      if ((p[i] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (p[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    p += n + 1;
  }
  return true;
}

namespace {

struct Cp1250Table {
  std::array<std::string, 128> high;
  Cp1250Table() {
    iconv_t cd = iconv_open("UTF-8", "CP1250");
    for (int i = 0; i < 128; ++i) {
      char in = static_cast<char>(0x80 + i);
      char out[8];
      char* ip = &in;
      char* op = out;
      std::size_t il = 1, ol = sizeof out;
      if (cd != reinterpret_cast<iconv_t>(-1) && iconv(cd, &ip, &il, &op, &ol) != static_cast<std::size_t>(-1)) {
        high[i].assign(out, static_cast<std::size_t>(op - out));
      } else {
        high[i] = "\xEF\xBF\xBD";  // undefined in Windows-1250: U+FFFD
      }
    }
    if (cd != reinterpret_cast<iconv_t>(-1)) iconv_close(cd);
  }
};

const Cp1250Table& cp1250() {
  static const Cp1250Table t;
  return t;
}

std::string lower_ascii(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool is_utf8_name(const std::string& lower) { return lower == "utf-8" || lower == "utf8"; }
bool is_cp1250_name(const std::string& lower) {
  return lower == "cp1250" || lower == "windows-1250" || lower == "win1250" || lower == "cp-1250";
}

constexpr std::size_t detect_bytes = 64 * 1024;

}  // namespace

void append_cp1250_as_utf8(std::string_view in, std::string& out) {
  const auto& t = cp1250();
  for (const char ch : in) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x80) out.push_back(ch);
    else out += t.high[c - 0x80];
  }
}

struct DecodingSource::Hash {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  std::string hex;
  Hash() { EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr); }
  ~Hash() { EVP_MD_CTX_free(ctx); }
  void update(const char* p, std::size_t n) { EVP_DigestUpdate(ctx, p, n); }
  void finish() {
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_DigestFinal_ex(ctx, md, &len);
    for (unsigned i = 0; i < len; ++i) hex += fmt::format("{:02x}", md[i]);
  }
};

DecodingSource::DecodingSource(ByteSource& raw, const std::string& encoding, std::string name)
    : raw_(raw), name_(std::move(name)), hash_(std::make_unique<Hash>()) {
  // Read the detection window.
  prefix_.resize(detect_bytes);
  std::size_t have = 0;
  while (have < detect_bytes) {
    const std::size_t got = raw_.read(prefix_.data() + have, detect_bytes - have);
    if (got == 0) {
      raw_eof_ = true;
      break;
    }
    hash_->update(prefix_.data() + have, got);
    have += got;
  }
  raw_bytes_ = have;
  prefix_.resize(have);
  if (raw_eof_) hash_->finish();
  const std::string_view head(prefix_.data(), prefix_.size());

  std::string from;  // iconv name, when iconv converts
  const std::string want = lower_ascii(encoding);
  if (head.substr(0, 3) == "\xEF\xBB\xBF" && (want == "auto" || is_utf8_name(want))) {
    prefix_pos_ = 3;
  }
  if (want == "auto") {
    if (head.substr(0, 2) == "\xFF\xFE") from = "UTF-16LE", prefix_pos_ = 2;
    else if (head.substr(0, 2) == "\xFE\xFF") from = "UTF-16BE", prefix_pos_ = 2;
    else if (valid_utf8(head.substr(prefix_pos_), !raw_eof_)) {
      encoding_ = "utf-8";
      check_ = Utf8Check::fallback;
      path_ = Path::pass;
    } else {
      encoding_ = "windows-1250";
      check_ = Utf8Check::none;
      path_ = Path::cp1250;
    }
  } else if (is_utf8_name(want)) {
    encoding_ = "utf-8";
    check_ = Utf8Check::reject;
    path_ = Path::pass;
  } else if (is_cp1250_name(want)) {
    encoding_ = "windows-1250";
    check_ = Utf8Check::none;
    path_ = Path::cp1250;
  } else {
    from = encoding;
  }
  if (!from.empty()) {
    iconv_ = iconv_open("UTF-8", from.c_str());
    if (iconv_ == reinterpret_cast<void*>(-1)) {
      iconv_ = nullptr;
      throw Error(ErrorKind::usage,
                  fmt::format("--encoding {}: unknown encoding; use auto, utf-8, cp1250 or a name "
                              "from `iconv --list`",
                              encoding));
    }
    encoding_ = from;
    check_ = Utf8Check::none;
    path_ = Path::iconv;
  }
}

DecodingSource::~DecodingSource() {
  if (iconv_) iconv_close(static_cast<iconv_t>(iconv_));
}

std::string DecodingSource::sha256_hex() const { return hash_->hex; }

std::size_t DecodingSource::read_raw(char* buf, std::size_t n) {
  if (prefix_pos_ < prefix_.size()) {
    const std::size_t k = std::min(n, prefix_.size() - prefix_pos_);
    std::memcpy(buf, prefix_.data() + prefix_pos_, k);
    prefix_pos_ += k;
    if (prefix_pos_ == prefix_.size()) std::vector<char>().swap(prefix_), prefix_pos_ = 0;
    return k;
  }
  if (raw_eof_) return 0;
  const std::size_t got = raw_.read(buf, n);
  if (got == 0) {
    raw_eof_ = true;
    hash_->finish();
    return 0;
  }
  hash_->update(buf, got);
  raw_bytes_ += got;
  return got;
}

std::size_t DecodingSource::read_converted(char* buf, std::size_t n) {
  while (out_pos_ >= out_.size()) {
    out_.clear();
    out_pos_ = 0;
    std::vector<char> chunk(64 * 1024);
    std::size_t keep = pending_.size();
    if (keep > 0) std::memcpy(chunk.data(), pending_.data(), keep);
    pending_.clear();
    const std::size_t got = read_raw(chunk.data() + keep, chunk.size() - keep);
    const std::size_t total = keep + got;
    if (total == 0) return 0;
    if (path_ == Path::cp1250) {
      append_cp1250_as_utf8(std::string_view(chunk.data(), total), out_);
      continue;
    }
    auto cd = static_cast<iconv_t>(iconv_);
    char* ip = chunk.data();
    std::size_t il = total;
    std::string tmp(total * 4 + 16, '\0');
    char* op = tmp.data();
    std::size_t ol = tmp.size();
    while (il > 0) {
      const std::size_t r = iconv(cd, &ip, &il, &op, &ol);
      if (r != static_cast<std::size_t>(-1)) break;
      if (errno == EINVAL && got > 0) {  // a sequence cut by the chunk: finish it next time
        pending_.assign(ip, ip + il);
        break;
      }
      // Invalid (or cut at the very end): U+FFFD and go on, so one bad byte
      // does not lose the file.
      ++ip;
      --il;
      if (ol >= 3) {
        std::memcpy(op, "\xEF\xBF\xBD", 3);
        op += 3;
        ol -= 3;
      }
    }
    out_.append(tmp.data(), static_cast<std::size_t>(op - tmp.data()));
  }
  const std::size_t k = std::min(n, out_.size() - out_pos_);
  std::memcpy(buf, out_.data() + out_pos_, k);
  out_pos_ += k;
  return k;
}

std::size_t DecodingSource::read(char* buf, std::size_t n) {
  return path_ == Path::pass ? read_raw(buf, n) : read_converted(buf, n);
}

}  // namespace triage::input
