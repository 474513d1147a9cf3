// The quick check from the build-time digest must agree with loading the pack
// in full: same summary, same version, same messages for bad settings.
#include <catch2/catch.hpp>

#include "triage/core/error.hpp"
#include "triage/policy/pack_digest.hpp"

using namespace triage;
using namespace triage::policy;

namespace {

std::string message_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

// The built-in pack read as a directory would be (so its files are compared).
PackSource as_directory(PackSource src) {
  src.dir = "policies";
  return src;
}

}  // namespace

TEST_CASE("pack digest: the quick check agrees with the full load") {
  const PackSource builtin = load_sources("");
  const PackDigest digest = digest_pack(builtin);
  for (const auto& src : {builtin, as_directory(builtin)}) {
    Config config = Config::defaults();
    SECTION("no overrides") {}
    SECTION("a number and a duration overridden") {
      config.params["vip_ltv"] = ParamOverride{3000.0, "triage.toml:2:1"};
      config.params["reply_within"] = ParamOverride{std::string("36h"), "triage.toml:3:1"};
    }
    const auto quick = check_from_digest(digest, src, config);
    REQUIRE(quick);
    const auto full = load_program(src, config);
    CHECK(quick->version == full->version());
    CHECK(quick->info.files == full->info().files);
    CHECK(quick->info.rules == full->info().rules);
    CHECK(quick->info.actions == full->info().actions);
    CHECK(quick->info.lexicons == full->info().lexicons);
  }
}

TEST_CASE("pack digest: an override changes the version as the full load does") {
  const PackSource builtin = load_sources("");
  const PackDigest digest = digest_pack(builtin);
  Config config = Config::defaults();
  const auto plain = check_from_digest(digest, builtin, config);
  config.params["vip_ltv"] = ParamOverride{3000.0, "triage.toml:2:1"};
  const auto raised = check_from_digest(digest, builtin, config);
  REQUIRE(plain);
  REQUIRE(raised);
  CHECK(plain->version != raised->version);
}

TEST_CASE("pack digest: bad settings give the full load's messages") {
  const PackSource builtin = load_sources("");
  const PackDigest digest = digest_pack(builtin);
  Config config = Config::defaults();
  SECTION("unknown param") { config.params["vip_ltw"] = ParamOverride{900.0, "triage.toml:3:11"}; }
  SECTION("a number for a duration") { config.params["reply_within"] = ParamOverride{24.0, "triage.toml:2:1"}; }
  SECTION("a bad holiday") { config.holidays = {"2026-13-40"}; }
  const std::string quick = message_of([&] { check_from_digest(digest, builtin, config); });
  const std::string full = message_of([&] { load_program(builtin, config); });
  CHECK_FALSE(quick.empty());
  CHECK(quick == full);
}

TEST_CASE("pack digest: edited files are not taken from the digest") {
  const PackSource builtin = load_sources("");
  const PackDigest digest = digest_pack(builtin);
  PackSource edited = as_directory(builtin);
  edited.files.front().content += "\n# a comment\n";
  CHECK_FALSE(check_from_digest(digest, edited, Config::defaults()));
}
