// The CSV reader against the csv-spectrum cases and the real-export extras:
// BOM, delimiter detection, limits, unterminated quotes, line numbers.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "triage/input/csv.hpp"

using namespace triage::input;

namespace {

struct Row {
  std::int64_t line;
  std::vector<std::string> fields;
  std::string raw;
  std::string error;
};

// Feeds the reader in tiny pieces so that records cross buffer boundaries.
class DripSource : public ByteSource {
 public:
  DripSource(std::string s, std::size_t step) : s_(std::move(s)), step_(step) {}
  std::size_t read(char* buf, std::size_t n) override {
    const std::size_t k = std::min({n, step_, s_.size() - pos_});
    std::copy_n(s_.data() + pos_, k, buf);
    pos_ += k;
    return k;
  }

 private:
  std::string s_;
  std::size_t step_, pos_ = 0;
};

std::vector<Row> read_all(const std::string& text, char delim = 0, std::size_t step = 0) {
  std::unique_ptr<ByteSource> src;
  if (step) src = std::make_unique<DripSource>(text, step);
  else src = std::make_unique<StringSource>(text);
  CsvReader r(*src, delim);
  std::vector<Row> out;
  CsvRecord rec;
  while (r.next(rec)) {
    Row row{rec.line, {}, std::string(rec.raw), rec.error};
    for (auto f : rec.fields) row.fields.emplace_back(f);
    out.push_back(row);
  }
  return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("csv-spectrum cases", "[csv]") {
  for (std::size_t step : {std::size_t{0}, std::size_t{1}, std::size_t{3}}) {
    INFO("read step " << step);
    SECTION("simple") {
      auto rows = read_all("a,b,c\n1,2,3\n", 0, step);
      REQUIRE(rows.size() == 2);
      CHECK(rows[1].fields == V{"1", "2", "3"});
    }
    SECTION("simple_crlf") {
      auto rows = read_all("a,b,c\r\n1,2,3\r\n", 0, step);
      REQUIRE(rows.size() == 2);
      CHECK(rows[0].fields == V{"a", "b", "c"});
      CHECK(rows[1].fields == V{"1", "2", "3"});
      CHECK(rows[1].raw == "1,2,3");
    }
    SECTION("comma_in_quotes") {
      auto rows = read_all("first,last,address,city,zip\nJohn,Doe,120 any st.,\"Anytown, WW\",08123\n", 0, step);
      REQUIRE(rows.size() == 2);
      CHECK(rows[1].fields == V{"John", "Doe", "120 any st.", "Anytown, WW", "08123"});
    }
    SECTION("escaped_quotes") {
      auto rows = read_all("a,b\n1,\"ha \"\"ha\"\" ha\"\n3,4\n", 0, step);
      REQUIRE(rows.size() == 3);
      CHECK(rows[1].fields == V{"1", "ha \"ha\" ha"});
      CHECK(rows[2].fields == V{"3", "4"});
    }
    SECTION("json") {
      auto rows = read_all("key,val\n1,\"{\"\"type\"\": \"\"Point\"\", \"\"coordinates\"\": [102.0, 0.5]}\"\n", 0, step);
      REQUIRE(rows.size() == 2);
      CHECK(rows[1].fields == V{"1", "{\"type\": \"Point\", \"coordinates\": [102.0, 0.5]}"});
    }
    SECTION("newlines") {
      auto rows = read_all("a,b,c\n1,2,3\n\"Once upon \na time\",5,6\n7,8,9\n", 0, step);
      REQUIRE(rows.size() == 4);
      CHECK(rows[2].fields == V{"Once upon \na time", "5", "6"});
      CHECK(rows[2].line == 3);
      CHECK(rows[3].line == 5);
      CHECK(rows[3].fields == V{"7", "8", "9"});
    }
    SECTION("newlines_crlf") {
      auto rows = read_all("a,b,c\r\n1,2,3\r\n\"Once upon \r\na time\",5,6\r\n7,8,9\r\n", 0, step);
      REQUIRE(rows.size() == 4);
      CHECK(rows[2].fields == V{"Once upon \r\na time", "5", "6"});
      CHECK(rows[3].line == 5);
    }
    SECTION("quotes_and_newlines") {
      auto rows = read_all("a,b\n1,\"ha \n\"\"ha\"\" \nha\"\n3,4\n", 0, step);
      REQUIRE(rows.size() == 3);
      CHECK(rows[1].fields == V{"1", "ha \n\"ha\" \nha"});
      CHECK(rows[2].fields == V{"3", "4"});
      CHECK(rows[2].line == 5);
    }
    SECTION("utf8") {
      auto rows = read_all("a,b,c\n1,2,3\n4,5,ʤ\n", 0, step);
      REQUIRE(rows.size() == 3);
      CHECK(rows[2].fields == V{"4", "5", "ʤ"});
    }
    SECTION("empty") {
      auto rows = read_all("a,b,c\n1,\"\",\"\"\n2,3,4\n", 0, step);
      REQUIRE(rows.size() == 3);
      CHECK(rows[1].fields == V{"1", "", ""});
      CHECK(rows[2].fields == V{"2", "3", "4"});
    }
    SECTION("empty_crlf") {
      auto rows = read_all("a,b,c\r\n1,\"\",\"\"\r\n2,3,4\r\n", 0, step);
      REQUIRE(rows.size() == 3);
      CHECK(rows[1].fields == V{"1", "", ""});
    }
  }
}

TEST_CASE("no final newline, blank lines and trailing empty fields", "[csv]") {
  auto rows = read_all("a,b\n\n1,\n\n2,3");
  REQUIRE(rows.size() == 3);
  CHECK(rows[1].fields == V{"1", ""});
  CHECK(rows[1].line == 3);
  CHECK(rows[2].fields == V{"2", "3"});
  CHECK(rows[2].line == 5);
}

TEST_CASE("a UTF-8 BOM is not part of the first header", "[csv]") {
  auto rows = read_all("\xEF\xBB\xBFid;name\n1;x\n");
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].fields == V{"id", "name"});
}

TEST_CASE("the delimiter is detected from the header line, outside quotes", "[csv]") {
  CHECK(read_all("a;b;c\n1;2;3\n")[1].fields == V{"1", "2", "3"});
  CHECK(read_all("a\tb\n1\t2\n")[1].fields == V{"1", "2"});
  CHECK(read_all("\"x;y;z\",b\n1,2\n")[0].fields == V{"x;y;z", "b"});
  CHECK(read_all("only\n1\n")[1].fields == V{"1"});
  // Forced: the header's commas are then text.
  CHECK(read_all("a,b;c\n1,2;3\n", ';')[1].fields == V{"1,2", "3"});
}

TEST_CASE("an unterminated quote at the end is an error with its line", "[csv]") {
  auto rows = read_all("a,b\n1,2\n3,\"open\nstill open\n");
  REQUIRE(rows.size() == 3);
  CHECK(rows[1].error.empty());
  CHECK(rows[2].line == 3);
  CHECK(rows[2].error.find("line 3") != std::string::npos);
  CHECK(rows[2].error.find("unterminated") != std::string::npos);
}

TEST_CASE("text after a closing quote is kept", "[csv]") {
  auto rows = read_all("a,b\n\"12\" inch,x\n");
  REQUIRE(rows.size() == 2);
  CHECK(rows[1].fields == V{"12 inch", "x"});
}

TEST_CASE("a field over 1 MiB rejects its row only", "[csv]") {
  std::string text = "a,b\n1,2\n3," + std::string(max_field_bytes + 10, 'x') + "\n5,6\n";
  auto rows = read_all(text);
  REQUIRE(rows.size() == 4);
  CHECK(rows[2].error.find("1 MiB") != std::string::npos);
  CHECK(rows[3].error.empty());
  CHECK(rows[3].fields == V{"5", "6"});
  CHECK(rows[3].line == 4);
}

TEST_CASE("a record over 4 MiB is skipped and the rest still reads", "[csv]") {
  std::string big;
  for (int i = 0; i < 5; ++i) big += std::string(1000 * 1000, 'y') + ",";
  std::string text = "a,b\n1,2\n\"" + std::string(10, 'q') + "\n\"," + big + "\n7,8\n";
  auto rows = read_all(text, 0, 0);
  REQUIRE(rows.size() == 4);
  CHECK(rows[2].error.find("4 MiB") != std::string::npos);
  CHECK(rows[2].line == 3);
  CHECK(rows[3].fields == V{"7", "8"});
  CHECK(rows[3].line == 5);
}

TEST_CASE("raw bytes of a record are kept verbatim for the rejects file", "[csv]") {
  auto rows = read_all("a,b\r\n\"x \"\"y\"\"\",\"multi\r\nline\"\r\n");
  REQUIRE(rows.size() == 2);
  CHECK(rows[1].raw == "\"x \"\"y\"\"\",\"multi\r\nline\"");
}
