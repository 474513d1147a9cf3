// load_program: the policy pipeline as a list of named stages
// (load → parse → params → check → compile), and the Program it yields.
#include "triage/policy/program.hpp"

#include <date/tz.h>
#include <fmt/core.h>

#include <functional>
#include <stdexcept>

#include "triage/core/error.hpp"
#include "triage/policy/calendar.hpp"
#include "triage/policy/checker.hpp"
#include "triage/policy/compiler.hpp"
#include "triage/policy/evaluator.hpp"
#include "triage/policy/pack.hpp"

namespace triage::policy {

namespace {

class CompiledProgram final : public Program {
 public:
  CompiledProgram(std::shared_ptr<CompiledPack> pack, const Pack& src, const Config& config)
      : pack_(std::move(pack)), calendar_(calendar_for(config)) {
    settings_.calendar = &calendar_;
    settings_.default_lang = config.default_lang;
    info_.files = pack_->file_count;
    info_.rules = pack_->rule_count;
    info_.actions = pack_->actions.size();
    info_.lexicons = pack_->lexicons.size();
    info_.segments = pack_->segments.size();
    info_.classify = pack_->classify.size();
    (void)src;
  }

  const std::string& version() const override { return pack_->version; }

  Decision decide(facts::FactSet& facts, Tracing tracing) const override {
    return policy::decide(*pack_, settings_, facts, tracing);
  }

  std::string action_label(const std::string& action) const override {
    const int i = pack_->action_index(action);
    return i < 0 ? action : pack_->actions[static_cast<std::size_t>(i)].label;
  }

  PackInfo info() const override { return info_; }

  std::vector<std::string> action_names() const override {
    std::vector<std::string> out;
    for (const auto& a : pack_->actions) out.push_back(a.name);
    return out;
  }

 private:
  std::shared_ptr<CompiledPack> pack_;
  Calendar calendar_;
  DecideSettings settings_;
  PackInfo info_;
};

// One step of the pipeline: its name (for messages) and what it does to the pack.
struct PackStage {
  const char* name;
  std::function<void(Pack&, Diagnostics&)> run;
};

}  // namespace

Calendar calendar_for(const Config& config) {
  const date::time_zone* zone = config.zone;
  if (!zone) {
    try {
      zone = date::locate_zone(config.timezone);
    } catch (const std::exception&) {
      throw Error(ErrorKind::input, fmt::format("unknown time zone '{}'; use an IANA name such as Europe/Warsaw",
                                                config.timezone));
    }
  }
  check_holidays(config);
  return Calendar(zone, config.holidays);
}

void check_holidays(const Config& config) {
  try {
    (void)Calendar::holiday_days(config.holidays);
  } catch (const std::invalid_argument& e) {
    throw Error(ErrorKind::input, fmt::format("{}: holidays: {}", config.path.empty() ? "triage.toml" : config.path,
                                              e.what()));
  }
}

std::shared_ptr<const Program> load_program(const PackSource& source, const Config& config) {
  Diagnostics diags;
  Pack pack = parse_pack(source, diags);  // stage "parse"
  const std::vector<PackStage> stages = {
      {"params", [&](Pack& p, Diagnostics& d) { apply_overrides(p, config, d); }},
      {"check", [](Pack& p, Diagnostics& d) { check_pack(p, d); }},
  };
  for (const auto& stage : stages) stage.run(pack, diags);
  diags.throw_if_any();
  auto compiled = compile_pack(pack, diags);  // stage "compile"
  diags.throw_if_any();
  return std::make_shared<CompiledProgram>(std::move(compiled), pack, config);
}

std::shared_ptr<const Program> load_program(const std::string& dir, const Config& config) {
  return load_program(load_sources(dir), config);  // stage "load"
}

}  // namespace triage::policy
