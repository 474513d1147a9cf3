// What building triage learns about the default pack by loading, checking and
// compiling it, so that `triage check` need not parse and compile the same
// unchanging files again on every start: only triage.toml can change the
// outcome, and that part is checked each time by the same code as the full path.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "triage/core/config.hpp"
#include "triage/policy/pack.hpp"
#include "triage/policy/program.hpp"

namespace triage::policy {

struct PackDigest {
  std::string files_sha256;     // of the policy files' names and contents (hex)
  std::string version;          // the pack's version when triage.toml overrides nothing
  PackInfo info;                // what check's summary counts
  std::vector<ParamDef> params; // the pack's own params, before triage.toml
};

// Loads, checks and compiles `src` with no triage.toml overrides and returns
// its digest; throws like load_program when the pack has problems.
PackDigest digest_pack(const PackSource& src);

// The hash digest_pack records, of the files `src` holds.
std::string pack_files_sha256(const PackSource& src);

// The outcome of checking a pack: its summary and version.
struct CheckedPack {
  PackInfo info;
  std::string version;
};

// Checks `src` under `config` from `digest` when the files are the ones the
// digest was made from: triage.toml's params and holidays are checked exactly
// as load_program checks them (same messages, same version). The built-in
// pack (src.dir empty) is taken to be the digest's own, as the build makes
// both from the same files; a directory's files are compared by their hash.
// Returns nullopt when the files differ, so the caller loads the pack in full.
std::optional<CheckedPack> check_from_digest(const PackDigest& digest, const PackSource& src, const Config& config);

// The digest of the pack built into this binary, when the binary carries one
// (the triage executable does; the unit tests do not); null otherwise.
const PackDigest* builtin_pack_digest();
void set_builtin_pack_digest(const PackDigest* digest);

// Defined by the source file src/tools/pack_digest.cpp writes at build time,
// which only the triage executable is built with.
const PackDigest& generated_builtin_pack_digest();

}  // namespace triage::policy
