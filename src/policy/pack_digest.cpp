// The default pack's digest: made when triage is built, used by `triage check`
// to check only what triage.toml can change.
#include "triage/policy/pack_digest.hpp"

#include <fmt/core.h>
#include <openssl/evp.h>

#include "triage/policy/calendar.hpp"
#include "triage/policy/compiler.hpp"

namespace triage::policy {

namespace {
const PackDigest* g_builtin = nullptr;
}  // namespace

std::string pack_files_sha256(const PackSource& src) {
  const std::string data = normalized_files(src);
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(data.data(), data.size(), md, &len, EVP_sha256(), nullptr);
  std::string hex;
  for (unsigned int i = 0; i < len; ++i) hex += fmt::format("{:02x}", md[i]);
  return hex;
}

PackDigest digest_pack(const PackSource& src) {
  Config plain = Config::defaults();
  const auto program = load_program(src, plain);  // throws on any problem of the pack
  Diagnostics diags;
  PackDigest out;
  out.files_sha256 = pack_files_sha256(src);
  out.info = program->info();
  out.version = program->version();
  out.params = parse_pack(src, diags).params;
  return out;
}

std::optional<CheckedPack> check_from_digest(const PackDigest& digest, const PackSource& src, const Config& config) {
  if (!src.dir.empty() && pack_files_sha256(src) != digest.files_sha256) return std::nullopt;
  // The pack itself passed every stage when the digest was made; what is left
  // is what load_program does with triage.toml: the params stage, the
  // holidays, and the version over the files and the effective params.
  Pack pack;
  pack.dir = src.dir;
  pack.file_count = src.files.size();
  pack.params = digest.params;
  Diagnostics diags;
  apply_overrides(pack, config, diags);
  diags.throw_if_any();
  check_holidays(config);  // the zone was resolved when triage.toml was read
  if (config.params.empty()) return CheckedPack{digest.info, digest.version};
  pack.normalized = normalized_files(src);
  return CheckedPack{digest.info, pack_version(pack)};
}

const PackDigest* builtin_pack_digest() { return g_builtin; }
void set_builtin_pack_digest(const PackDigest* digest) { g_builtin = digest; }

}  // namespace triage::policy
