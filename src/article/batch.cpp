#include "article/batch.hpp"

#include <unistd.h>
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "util/utf8.hpp"

namespace claimtrail::article {

namespace fs = std::filesystem;

namespace {

bool jsonl_name(const fs::path& p) {
  const std::string ext = p.extension().string();
  return ext == ".jsonl" || ext == ".ndjson";
}

// One item per non-blank line, found by reading in blocks: no line is ever
// held whole, so a huge one costs no memory.
void scan_lines(const std::string& path, const BatchOptions& o, std::vector<InputItem>& out,
                const std::function<void(const std::string&)>& reject) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) {
    reject(path + ": cannot open");
    return;
  }
  std::vector<char> buf(1 << 16);
  std::uint64_t pos = 0, start = 0, line = 1;
  bool blank = true;
  auto finish = [&](std::uint64_t end) {
    const std::uint64_t len = end - start;
    if (!blank) {
      if (len > o.max_record)
        reject(path + ":" + std::to_string(line) + ": record of " + std::to_string(len) +
               " bytes is over the --max-record limit of " + std::to_string(o.max_record) + " bytes; skipped unread");
      else
        out.push_back({path, start, len, line});
    }
    ++line;
    start = end + 1;
    blank = true;
  };
  for (;;) {
    const std::size_t n = std::fread(buf.data(), 1, buf.size(), f);
    if (n == 0) break;
    for (std::size_t i = 0; i < n; ++i, ++pos) {
      const char c = buf[i];
      if (c == '\n')
        finish(pos);
      else if (c != ' ' && c != '\t' && c != '\r')
        blank = false;
    }
  }
  if (pos > start) finish(pos);
  std::fclose(f);
}

// Spooled standard input, removed when the program ends.
struct Spools {
  std::vector<fs::path> files;
  ~Spools() {
    std::error_code ec;
    for (const auto& f : files) fs::remove(f, ec);
  }
};
Spools& spools() {
  static Spools s;
  return s;
}

}  // namespace

std::vector<InputItem> expand_inputs(const std::vector<std::string>& args, const BatchOptions& o,
                                     const std::function<void(const std::string&)>& reject) {
  std::vector<InputItem> out;
  auto add_file = [&](const std::string& path) {
    const bool jsonl = o.input == "jsonl" || (o.input == "auto" && jsonl_name(path));
    if (!jsonl) {
      const InputKind kind = o.input == "text"   ? InputKind::text
                             : o.input == "html" ? InputKind::html
                                                 : InputKind::automatic;
      out.push_back({path, 0, 0, 0, kind});
      return;
    }
    if (path == "-") {  // standard input: spooled, then scanned like a file
      const fs::path tmp = fs::temp_directory_path() / ("claimtrail-stdin-" + std::to_string(::getpid()) + ".jsonl");
      {
        std::ofstream spool(tmp, std::ios::binary);
        spool << std::cin.rdbuf();
      }
      spools().files.push_back(tmp);
      scan_lines(tmp.string(), o, out, reject);
      return;
    }
    scan_lines(path, o, out, reject);
  };
  for (const std::string& a : args) {
    std::error_code ec;
    if (a != "-" && fs::is_directory(a, ec)) {
      std::vector<fs::path> files;
      for (fs::recursive_directory_iterator it(a, fs::directory_options::skip_permission_denied, ec), end;
           !ec && it != end; it.increment(ec))
        if (it->is_regular_file(ec) && (it->path().extension() == ".txt" || it->path().extension() == ".html" ||
                                        it->path().extension() == ".htm" || jsonl_name(it->path())))
          files.push_back(it->path());
      if (ec) reject(a + ": " + ec.message());
      std::sort(files.begin(), files.end());
      if (files.empty()) reject(a + ": no .txt, .html or .jsonl files in the directory");
      for (const auto& f : files) add_file(f.string());
      continue;
    }
    add_file(a);
  }
  return out;
}

std::uint64_t item_bytes(const InputItem& item) {
  if (item.line) return item.length;
  std::error_code ec;
  const auto n = item.path == "-" ? 0 : fs::file_size(item.path, ec);
  return ec ? 0 : n;
}

Article read_item(const InputItem& item) {
  if (item.line == 0) return read_article(item.path, item.kind);
  const std::string where = item.path + ":" + std::to_string(item.line);
  std::ifstream in(item.path, std::ios::binary);
  std::string line(item.length, '\0');
  in.seekg(static_cast<std::streamoff>(item.offset));
  in.read(line.data(), static_cast<std::streamsize>(item.length));
  if (!in) throw core::Error(where, "cannot read the record");
  return article_from_record(line, where, item.line);
}

Article article_from_record(std::string_view line, const std::string& where, std::uint64_t line_no) {
  if (auto bad = util::find_invalid_utf8(line))
    throw core::Error(where, "invalid UTF-8 at byte " + std::to_string(*bad));
  const nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
  if (j.is_discarded()) throw core::Error(where, "not a JSON object (malformed JSON)");
  if (!j.is_object()) throw core::Error(where, "not a JSON object");
  Article a;
  static const char* kFields[] = {"id", "url", "outlet", "published", "headline", "text", "html"};
  for (const auto& [k, v] : j.items()) {
    if (std::find(std::begin(kFields), std::end(kFields), k) == std::end(kFields))
      throw core::Error(where, "unknown field \"" + k + "\" (id, url, outlet, published, headline, text, html)");
    if (!v.is_string() && !v.is_null())
      throw core::Error(where, "field \"" + k + "\" must be a string, not " + std::string(v.type_name()));
  }
  const std::string id =
      j.contains("id") && j["id"].is_string() ? j["id"].get<std::string>() : "line" + std::to_string(line_no);
  if (j.contains("html") && j["html"].is_string() && !(j.contains("text") && j["text"].is_string())) {
    a = article_from_html(j["html"].get<std::string>(), where, id);
  } else {
    if (!j.contains("text") || !j["text"].is_string()) throw core::Error(where, "no \"text\" or \"html\" field");
    a.text = j["text"].get<std::string>();
  }
  if (a.text.find('\0') != std::string::npos) throw core::Error(where, "binary data (a NUL character in \"text\")");
  check_id(id, where);
  a.name = id;
  for (const char* k : {"url", "outlet", "published", "headline"})
    if (j.contains(k) && j[k].is_string()) a.meta[k] = j[k].get<std::string>();
  check_metadata(a, where);
  check_text(a, where);
  return a;
}

}  // namespace claimtrail::article
