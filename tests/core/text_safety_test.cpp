// Terminal and spreadsheet neutralization of customer text.
#include <catch2/catch.hpp>

#include "triage/core/text_safety.hpp"

using triage::spreadsheet_safe;
using triage::terminal_safe;

TEST_CASE("terminal_safe removes escape sequences and controls") {
  CHECK(terminal_safe("plain text") == "plain text");
  CHECK(terminal_safe("red \x1b[31mALERT\x1b[0m done") == "red ALERT done");
  CHECK(terminal_safe("title \x1b]0;pwned\x07 after") == "title  after");
  CHECK(terminal_safe("osc st \x1b]8;;http://x\x1b\\link") == "osc st link");
  CHECK(terminal_safe("c1 \xc2\x9b" "31m csi") == "c1  csi");
  CHECK(terminal_safe("bell\x07 and nul") == "bell and nul");
  CHECK(terminal_safe("line1\nline2\r\nline3") == "line1 line2 line3");
  CHECK(terminal_safe("bidi \xe2\x80\xae" "evil") == "bidi evil");
  CHECK(terminal_safe("del\x7f") == "del");
}

TEST_CASE("terminal_safe keeps Unicode text and replaces invalid bytes") {
  CHECK(terminal_safe("Zażółć gęślą jaźń, поганий відгук") == "Zażółć gęślą jaźń, поганий відгук");
  CHECK(terminal_safe("bad \xff byte") == "bad \xef\xbf\xbd byte");
  CHECK(terminal_safe("cut \xc5") == "cut \xef\xbf\xbd");
}

TEST_CASE("spreadsheet_safe neutralizes formula cells") {
  CHECK(spreadsheet_safe("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")");
  CHECK(spreadsheet_safe("+48 600") == "'+48 600");
  CHECK(spreadsheet_safe("-1") == "'-1");
  CHECK(spreadsheet_safe("@SUM(A1)") == "'@SUM(A1)");
  CHECK(spreadsheet_safe("\tx") == "'\tx");
  CHECK(spreadsheet_safe("reship") == "reship");
  CHECK(spreadsheet_safe("") == "");
}
