// The four output formats of `run`, and the sorted, spill-to-disk row store
// behind them.
#include "triage/report/writers.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <fmt/core.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "triage/core/error.hpp"
#include "triage/core/text_safety.hpp"

namespace triage::report {

Format parse_format(std::string_view name) {
  if (name == "table") return Format::table;
  if (name == "json") return Format::json;
  if (name == "ndjson") return Format::ndjson;
  if (name == "csv") return Format::csv;
  throw Error(ErrorKind::usage, fmt::format("--format: unknown format '{}'; use table, json, ndjson or csv",
                                            terminal_safe(name)));
}

TableStyle detect_style(int fd) {
  TableStyle s;
  const bool tty = ::isatty(fd) == 1;
  if (tty) {
    winsize ws{};
    if (::ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) s.width = ws.ws_col;
  }
  if (s.width == 0) {
    if (const char* cols = std::getenv("COLUMNS"); cols && *cols) {
      const long n = std::strtol(cols, nullptr, 10);
      if (n > 0 && n < 10000) s.width = static_cast<std::size_t>(n);
    }
  }
  if (tty && s.width == 0) s.width = 100;
  const char* no_colour = std::getenv("NO_COLOR");
  s.colour = tty && !(no_colour && *no_colour) ? Colour::on : Colour::off;
  return s;
}

namespace {

std::string join(const std::vector<std::string>& v, std::string_view sep) {
  std::string out;
  for (const auto& x : v) {
    if (!out.empty()) out += sep;
    out += x;
  }
  return out;
}

std::string flat_evidence(const Row& r) {
  std::vector<std::string> parts;
  for (const auto& f : r.evidence) parts.push_back(f.name + "=" + (f.missing ? std::string("missing") : f.value));
  for (const auto& h : r.hits) parts.push_back(h.lexicon + "=[" + join(h.words, ", ") + "]");
  return join(parts, "; ");
}

std::string csv_quote(std::string_view s) {
  const bool needs = s.find_first_of(",\"\r\n") != std::string_view::npos ||
                     (!s.empty() && (s.front() == ' ' || s.back() == ' '));
  if (!needs) return std::string(s);
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

constexpr std::size_t kMemoryLimit = 1u << 20;  // encoded rows kept in memory before spilling

// Encoded rows, appended; in memory until they grow past kMemoryLimit, then
// in an anonymous temporary file (the page cache, not our heap, holds them).
class Spill {
 public:
  ~Spill() {
    if (file_) std::fclose(file_);
  }
  std::uint64_t append(std::string_view s) {
    const std::uint64_t at = size_;
    if (!file_ && mem_.size() + s.size() > kMemoryLimit) {
      file_ = std::tmpfile();
      if (!file_)
        throw Error(ErrorKind::runtime, fmt::format("cannot create a temporary file for the output: {}; set TMPDIR "
                                                    "to a writable directory",
                                                    std::strerror(errno)));
      write(mem_);
      std::string().swap(mem_);
    }
    if (file_) write(s);
    else mem_.append(s);
    size_ += s.size();
    return at;
  }
  void ready() {
    if (file_ && std::fflush(file_) != 0)
      throw Error(ErrorKind::runtime, "cannot write the temporary output file; is the disk full?");
  }
  void read(std::uint64_t at, std::uint32_t len, std::string& out) {
    if (!file_) {
      out.assign(mem_, at, len);
      return;
    }
    out.resize(len);
    std::size_t got = 0;
    while (got < len) {
      const auto n = ::pread(fileno(file_), out.data() + got, len - got, static_cast<off_t>(at + got));
      if (n <= 0) throw Error(ErrorKind::runtime, "cannot read back the temporary output file");
      got += static_cast<std::size_t>(n);
    }
  }

 private:
  void write(std::string_view s) {
    if (!s.empty() && std::fwrite(s.data(), 1, s.size(), file_) != s.size())
      throw Error(ErrorKind::runtime, "cannot write the temporary output file; is the disk full?");
  }
  std::string mem_;
  std::FILE* file_ = nullptr;
  std::uint64_t size_ = 0;
};

constexpr const char* kRed = "\x1b[31m";
constexpr const char* kBold = "\x1b[1m";
constexpr const char* kReset = "\x1b[0m";

}  // namespace

std::string csv_cell(std::string_view text) { return csv_quote(valid_utf8(spreadsheet_safe(text))); }

std::string csv_header() {
  return "complaint,order,customer,segment,action,action_label,rule,priority,tags,reply_by,overdue,lang,why,"
         "reply,evidence,also_matched,policy_version\r\n";
}

std::string csv_row(const Row& r, const date::time_zone* zone) {
  std::string out;
  const auto add = [&](std::string_view cell, bool last = false) {
    out += cell;
    out += last ? "\r\n" : ",";
  };
  add(csv_cell(r.complaint));
  add(csv_cell(r.order));
  add(csv_cell(r.customer));
  add(csv_cell(r.segment));
  add(csv_cell(r.action));
  add(csv_cell(r.action_label));
  add(csv_cell(r.rule));
  add(csv_cell(std::to_string(r.priority)));  // a negative priority starts with -
  add(csv_cell(join(r.tags, ";")));
  add(iso_local(r.reply_by, zone));
  add(r.overdue ? "true" : "false");
  add(csv_cell(r.lang));
  add(csv_cell(r.why));
  add(csv_cell(r.reply));
  add(csv_cell(flat_evidence(r)));
  add(csv_cell(join(r.also_matched, ";")));
  add(csv_cell(r.policy_version), true);
  return out;
}

std::vector<std::string> table_cells(const Row& r, const date::time_zone* zone) {
  std::string reply = short_local(r.reply_by, zone);
  if (r.overdue) reply += " OVERDUE";
  return {terminal_safe(r.complaint), r.customer.empty() ? std::string("-") : terminal_safe(r.customer),
          terminal_safe(r.action), reply, terminal_safe(r.why)};
}

struct Output::Impl {
  // Only the sort keys stay in memory; complaint ids live in one arena.
  struct Entry {
    Timestamp reply_by;
    std::uint64_t at;
    std::uint32_t len;
    std::uint32_t id_at;
    std::uint16_t id_len;
    bool overdue;
  };
  std::string ids;
  std::string_view id(const Entry& e) const { return std::string_view(ids).substr(e.id_at, e.id_len); }

  Format format;
  std::FILE* out;
  const date::time_zone* zone;
  TableStyle style;
  std::vector<Entry> entries;
  Spill spill;
  std::string scratch;
  std::string buffer;  // output waiting for one large write
  std::array<std::size_t, 5> widths{9, 8, 6, 8, 3};  // the headers' widths at least

  void emit(std::string_view s) {
    buffer += s;
    if (buffer.size() >= (64u << 10)) flush();
  }
  void flush() {
    if (!buffer.empty() && std::fwrite(buffer.data(), 1, buffer.size(), out) != buffer.size())
      throw Error(ErrorKind::runtime, fmt::format("cannot write the output: {}", std::strerror(errno)));
    buffer.clear();
  }

  void encode(const Row& r, std::string& item) {
    switch (format) {
      case Format::json:
      case Format::ndjson:
        item.clear();
        write_json(r, zone, item);
        break;
      case Format::csv:
        item = csv_row(r, zone);
        break;
      case Format::table: {
        const auto cells = table_cells(r, zone);
        item.clear();
        for (std::size_t i = 0; i < cells.size(); ++i) {
          if (i) item += '\x1f';
          item += cells[i];
          widths[i] = std::max(widths[i], display_width(cells[i]));
        }
        break;
      }
    }
  }

  // Column widths for the table: the widest cell, within the terminal's width.
  std::array<std::size_t, 5> layout() const {
    auto w = widths;
    if (style.width == 0) return w;
    w[0] = std::min<std::size_t>(w[0], 24);
    w[1] = std::min<std::size_t>(w[1], 28);
    w[2] = std::min<std::size_t>(w[2], 20);
    // On a narrow terminal the customer, complaint and action columns give
    // way (down to 8 columns each) before why drops under 12.
    const auto fixed = [&] { return w[0] + w[1] + w[2] + w[3] + 4 * 2; };
    for (const std::size_t i : {1, 0, 2}) {
      if (style.width >= fixed() + 12) break;
      const std::size_t over = fixed() + 12 - style.width;
      w[i] -= std::min(over, w[i] > 8 ? w[i] - 8 : 0);
    }
    w[4] = style.width > fixed() + 2 ? style.width - fixed() : 2;
    return w;
  }

  void table_line(const std::vector<std::string_view>& cells, const std::array<std::size_t, 5>& w, bool header,
                  bool overdue) {
    std::string line;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      std::string cell = (style.width == 0 && i == 4) ? std::string(cells[i]) : fit(cells[i], w[i]);
      const std::size_t pad = i + 1 < cells.size() ? w[i] - std::min(w[i], display_width(cell)) : 0;
      const bool red = overdue && i == 3 && style.colour == Colour::on;
      if (header && style.colour == Colour::on) line += kBold;
      if (red) line += kRed;
      line += cell;
      if (red || (header && style.colour == Colour::on)) line += kReset;
      line.append(pad, ' ');
      if (i + 1 < cells.size()) line += "  ";
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    line += '\n';
    emit(line);
  }
};

Output::Output(Format format, std::FILE* out, const date::time_zone* zone, TableStyle style)
    : impl_(std::make_unique<Impl>()) {
  impl_->format = format;
  impl_->out = out;
  impl_->zone = zone;
  impl_->style = style;
}

Output::~Output() = default;

std::size_t Output::size() const { return impl_->entries.size(); }

void Output::add(const Row& r) {
  auto& m = *impl_;
  m.encode(r, m.scratch);
  const std::uint64_t at = m.spill.append(m.scratch);
  const std::string_view id = std::string_view(r.complaint).substr(0, 0xFFFF);
  m.entries.push_back({r.reply_by, at, static_cast<std::uint32_t>(m.scratch.size()),
                       static_cast<std::uint32_t>(m.ids.size()), static_cast<std::uint16_t>(id.size()), r.overdue});
  m.ids += id;
}

void Output::finish() {
  auto& m = *impl_;
  auto& e = m.entries;
  std::sort(e.begin(), e.end(), [&m](const Impl::Entry& a, const Impl::Entry& b) {
    if (a.overdue != b.overdue) return a.overdue;
    if (a.reply_by != b.reply_by) return a.reply_by < b.reply_by;
    return m.id(a) < m.id(b);
  });
  m.spill.ready();
  std::string item;
  switch (m.format) {
    case Format::json:
      if (e.empty()) {
        m.emit("[]\n");
        break;
      }
      m.emit("[\n");
      for (std::size_t i = 0; i < e.size(); ++i) {
        m.spill.read(e[i].at, e[i].len, item);
        m.emit(item);
        m.emit(i + 1 < e.size() ? ",\n" : "\n");
      }
      m.emit("]\n");
      break;
    case Format::ndjson:
      for (const auto& x : e) {
        m.spill.read(x.at, x.len, item);
        m.emit(item);
        m.emit("\n");
      }
      break;
    case Format::csv:
      m.emit(csv_header());
      for (const auto& x : e) {
        m.spill.read(x.at, x.len, item);
        m.emit(item);
      }
      break;
    case Format::table: {
      if (e.empty()) break;
      const auto w = m.layout();
      m.table_line({"COMPLAINT", "CUSTOMER", "ACTION", "REPLY BY", "WHY"}, w, true, false);
      std::vector<std::string_view> cells;
      for (const auto& x : e) {
        m.spill.read(x.at, x.len, item);
        cells.clear();
        std::size_t start = 0;
        for (std::size_t i = 0; i <= item.size(); ++i) {
          if (i == item.size() || item[i] == '\x1f') {
            cells.emplace_back(item.data() + start, i - start);
            start = i + 1;
          }
        }
        m.table_line(cells, w, false, x.overdue);
      }
      break;
    }
  }
  m.flush();
  std::fflush(m.out);
}

}  // namespace triage::report
