// Replays fuzz inputs through the fuzz targets' entry points, built with the
// normal compiler and no libFuzzer: `triage_fuzz_replay TARGET PATH...` feeds
// every file (directories are walked) to TARGET. ctest runs it over the saved
// crash inputs and the seed corpus, so a fixed finding stays fixed.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

extern "C" {
int triage_fuzz_csv(const std::uint8_t* data, std::size_t size);
int triage_fuzz_values(const std::uint8_t* data, std::size_t size);
int triage_fuzz_policy_expr(const std::uint8_t* data, std::size_t size);
int triage_fuzz_policy_pack(const std::uint8_t* data, std::size_t size);
int triage_fuzz_normalize(const std::uint8_t* data, std::size_t size);
}

namespace {

using Entry = int (*)(const std::uint8_t*, std::size_t);

struct Target {
  std::string_view name;
  Entry entry;
};

const Target targets[] = {
    {"fuzz_csv", triage_fuzz_csv},
    {"fuzz_values", triage_fuzz_values},
    {"fuzz_policy_expr", triage_fuzz_policy_expr},
    {"fuzz_policy_pack", triage_fuzz_policy_pack},
    {"fuzz_normalize", triage_fuzz_normalize},
};

bool replay(Entry entry, const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "%s: cannot read\n", file.c_str());
    return false;
  }
  const std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // Named first, so that a crash shows which input caused it.
  std::fprintf(stderr, "%s\n", file.c_str());
  std::fflush(stderr);
  entry(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: triage_fuzz_replay TARGET PATH...\n");
    return 2;
  }
  Entry entry = nullptr;
  for (const auto& t : targets) {
    if (t.name == argv[1]) entry = t.entry;
  }
  if (!entry) {
    std::fprintf(stderr, "unknown fuzz target %s\n", argv[1]);
    return 2;
  }
  std::size_t count = 0;
  bool ok = true;
  for (int i = 2; i < argc; ++i) {
    const std::filesystem::path path(argv[i]);
    if (std::filesystem::is_directory(path)) {
      std::vector<std::filesystem::path> files;
      for (const auto& e : std::filesystem::recursive_directory_iterator(path)) {
        if (e.is_regular_file() && e.path().filename().string()[0] != '.') files.push_back(e.path());
      }
      std::sort(files.begin(), files.end());
      for (const auto& f : files) ok = replay(entry, f) && ok, ++count;
    } else if (std::filesystem::exists(path)) {
      ok = replay(entry, path) && ok;
      ++count;
    }
  }
  std::fprintf(stderr, "%s: %zu inputs replayed\n", argv[1], count);
  return ok ? 0 : 1;
}
