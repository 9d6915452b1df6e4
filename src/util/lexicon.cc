#include "src/util/lexicon.h"

namespace whosaid::internal {

struct EmbeddedFile {
  const char* name;
  std::string_view data;
};
extern const EmbeddedFile kEmbeddedFiles[];
extern const EmbeddedFile kModelFiles[];

std::string_view EmbeddedData(std::string_view name) {
  for (const EmbeddedFile* f = kEmbeddedFiles; f->name != nullptr; ++f) {
    if (name == f->name) return f->data;
  }
  return {};
}

std::string_view EmbeddedModelData(std::string_view name) {
  for (const EmbeddedFile* f = kModelFiles; f->name != nullptr; ++f) {
    if (name == f->name) return f->data;
  }
  return {};
}

std::vector<std::string_view> LexiconLines(std::string_view name) {
  std::vector<std::string_view> lines;
  std::string_view data = EmbeddedData(name);
  size_t pos = 0;
  while (pos < data.size()) {
    size_t nl = data.find('\n', pos);
    if (nl == std::string_view::npos) nl = data.size();
    std::string_view line = data.substr(pos, nl - pos);
    pos = nl + 1;
    size_t hash = line.find('#');
    while (hash != std::string_view::npos && hash > 0 && line[hash - 1] != ' ' && line[hash - 1] != '\t') {
      hash = line.find('#', hash + 1);
    }
    if (hash != std::string_view::npos) line = line.substr(0, hash);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.remove_suffix(1);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

}  // namespace whosaid::internal
