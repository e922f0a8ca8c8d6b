// openpick_gen_sample: writes the fictional sample dataset, or checks that a shipped file is
// exactly what the fixed seed generates (so the file and the tool never drift).
//
//   openpick_gen_sample --counts tools/gen_sample/program_counts_by_state.csv
//                       [--seed N] (--out assets/datasets/sample.json | --check FILE)
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

#include "openpick/core/io.h"
#include "sample_generator.h"

namespace {

int usage() {
  std::fprintf(stderr,
               "usage: openpick_gen_sample --counts FILE.csv [--seed N] (--out FILE | --check FILE)\n"
               "  --out FILE    write the dataset JSON (\"-\" for stdout)\n"
               "  --check FILE  exit 0 when FILE is byte for byte what the seed generates, else 1\n");
  return 2;
}

bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return static_cast<bool>(in) || in.eof();
}

}  // namespace

int main(int argc, char** argv) {
  std::string counts_path, out_path, check_path;
  std::uint64_t seed = openpick::tools::kDefaultSampleSeed;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (i + 1 >= argc) return usage();
    const std::string v = argv[++i];
    if (a == "--counts")
      counts_path = v;
    else if (a == "--out")
      out_path = v;
    else if (a == "--check")
      check_path = v;
    else if (a == "--seed") {
      if (v.empty() || v.find_first_not_of("0123456789") != std::string::npos || v.size() > 19) {
        std::fprintf(stderr, "openpick_gen_sample: --seed: expected a non-negative integer, got '%s'\n", v.c_str());
        return 2;
      }
      seed = std::stoull(v);
    } else {
      return usage();
    }
  }
  if (counts_path.empty() || out_path.empty() == check_path.empty()) return usage();

  std::string csv;
  if (!read_file(counts_path, csv)) {
    std::fprintf(stderr, "openpick_gen_sample: cannot read %s\n", counts_path.c_str());
    return 1;
  }
  const auto counts = openpick::tools::parse_program_counts(csv, counts_path);
  for (const auto& d : counts.diagnostics) std::fprintf(stderr, "%s\n", openpick::core::format_diagnostic(d).c_str());
  if (!counts.ok()) {
    std::fprintf(stderr, "openpick_gen_sample: no usable counts in %s\n", counts_path.c_str());
    return 1;
  }
  const std::string json = openpick::core::dataset_to_json(openpick::tools::generate_sample_dataset(counts.rows, seed));

  if (!check_path.empty()) {
    std::string shipped;
    if (!read_file(check_path, shipped)) {
      std::fprintf(stderr, "openpick_gen_sample: cannot read %s\n", check_path.c_str());
      return 1;
    }
    if (shipped == json) {
      std::printf("%s matches seed %llu (%zu bytes)\n", check_path.c_str(), static_cast<unsigned long long>(seed),
                  json.size());
      return 0;
    }
    std::size_t i = 0, line = 1;
    while (i < shipped.size() && i < json.size() && shipped[i] == json[i]) line += shipped[i++] == '\n';
    std::fprintf(stderr,
                 "%s:%zu: error: differs from what seed %llu generates (byte %zu; %zu vs %zu bytes); "
                 "regenerate with: openpick_gen_sample --counts %s --seed %llu --out %s\n",
                 check_path.c_str(), line, static_cast<unsigned long long>(seed), i, shipped.size(), json.size(),
                 counts_path.c_str(), static_cast<unsigned long long>(seed), check_path.c_str());
    return 1;
  }
  if (out_path == "-") {
    std::fwrite(json.data(), 1, json.size(), stdout);
    return 0;
  }
  std::ofstream out(out_path, std::ios::binary);
  out << json;
  if (!out) {
    std::fprintf(stderr, "openpick_gen_sample: cannot write %s\n", out_path.c_str());
    return 1;
  }
  std::fprintf(stderr, "wrote %s: seed %llu, %zu bytes\n", out_path.c_str(), static_cast<unsigned long long>(seed),
               json.size());
  return 0;
}
