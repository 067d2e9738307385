// Saved news pages (fixtures/html/, expectations written by hand): metadata,
// the story's body (character F1 >= 0.95 per page), and the same attributions
// as the story given as text.
#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "article/input.hpp"
#include "core/spans.hpp"
#include "extract/extractor.hpp"
#include "html/page.hpp"
#include "testutil.hpp"

using claimtrail::testutil::q;
using claimtrail::testutil::run_cli;
using claimtrail::testutil::slurp;
using claimtrail::testutil::source_dir;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// Character F1 of two texts through their longest common subsequence.
double char_f1(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return a == b ? 1.0 : 0.0;
  std::vector<int> prev(b.size() + 1, 0), cur(b.size() + 1, 0);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j)
      cur[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 : std::max(prev[j], cur[j - 1]);
    std::swap(prev, cur);
  }
  const double lcs = prev[b.size()];
  return 2 * lcs / static_cast<double>(a.size() + b.size());
}

// The attributions the parser finds in an input file read as the command
// line reads it (a page by its name), as (kind, cue, source, content) texts.
json attributions(const fs::path& file) {
  const claimtrail::article::Article a = claimtrail::article::read_article(file.string());
  json out = json::array();
  for (const auto& at : claimtrail::testutil::extractor().analyse(a.text).attributions)
    out.push_back({std::string(claimtrail::core::to_string(at.kind)), claimtrail::core::span_text(a.text, at.cue),
                   at.source ? json(claimtrail::core::span_text(a.text, at.source->spans)) : json(nullptr),
                   claimtrail::core::span_text(a.text, at.content)});
  return out;
}

}  // namespace

TEST_CASE("saved news pages: metadata, body and attributions") {
  // fixtures/unseen/html: pages whose pull quotes and author biographies
  // are page furniture, written before the reader knew of them.
  int pages = 0;
  for (const fs::path& dir : {source_dir() / "fixtures" / "html", source_dir() / "fixtures" / "unseen" / "html"})
    for (const auto& e : fs::directory_iterator(dir)) {
      if (e.path().extension() != ".html") continue;
      ++pages;
      const std::string name = e.path().stem().string();
      CAPTURE(name);
      const json want = json::parse(slurp(dir / "expected" / (name + ".json")));
      const auto page = claimtrail::html::read_page(slurp(e.path()), name);
      CHECK(page.headline == want["headline"].get<std::string>());
      CHECK(page.published == want["published"].get<std::string>());
      CHECK(page.outlet == want["outlet"].get<std::string>());
      CHECK(page.url == want["url"].get<std::string>());
      if (!want["byline"].is_null()) CHECK(page.byline == want["byline"].get<std::string>());
      const double f1 = char_f1(page.body, want["body"].get<std::string>());
      MESSAGE(name << ": body character F1 " << f1);
      CHECK(f1 >= 0.95);
      // A pull quote repeats the story's words: no paragraph of the body is
      // found again inside another.
      std::vector<std::string> paragraphs;
      for (std::size_t at = 0; at < page.body.size();) {
        const std::size_t end = std::min(page.body.find("\n\n", at), page.body.size());
        paragraphs.push_back(page.body.substr(at, end - at));
        at = end + 2;
      }
      for (std::size_t i = 0; i < paragraphs.size(); ++i)
        for (std::size_t j = 0; j < paragraphs.size(); ++j)
          if (i != j && paragraphs[i].size() >= 30)
            CHECK_MESSAGE(paragraphs[j].find(paragraphs[i]) == std::string::npos, paragraphs[i]);
      // The same attributions as the article given as text.
      const json from_page = attributions(e.path());
      CHECK(!from_page.empty());
      CHECK(from_page == attributions(dir / (name + ".txt")));
    }
  CHECK(pages >= 7);
}

TEST_CASE("bad pages: truncated, no story, binary data named .html") {
  claimtrail::testutil::TempDir tmp;
  const std::string page = slurp(source_dir() / "fixtures" / "html" / "jsonld-newsarticle.html");
  const fs::path cut = tmp.path() / "cut.html", empty = tmp.path() / "empty.html", blob = tmp.path() / "blob.html";
  std::ofstream(cut) << page.substr(0, page.size() * 2 / 3);
  std::ofstream(empty) << "<!DOCTYPE html><html><head><title>Menu</title></head><body><nav><a href=\"/\">Home</a>"
                          "</nav><script>var p = '<p>x</p>';</script></body></html>";
  std::ofstream(blob, std::ios::binary) << std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  std::string out, err;
  CHECK(run_cli("extract --format jsonl " + q(cut) + " " + q(empty) + " " + q(blob), &out, &err) == 1);
  CHECK(out.find("\"doc\":\"cut\"") != std::string::npos);  // what the truncated page holds is still read
  CHECK(err.find("empty.html: no article text found in the page") != std::string::npos);
  CHECK(err.find("blob.html: binary data") != std::string::npos);
}

TEST_CASE("a character reference past U+10FFFF becomes U+FFFD, never a stray byte (found by fuzz_jsonl)") {
  // gumbo decodes "&#33333331666;" into the lone byte 0xD2; the page reader
  // hands on valid UTF-8 only.
  const std::string html =
      "<!DOCTYPE html><html><head><title>Toll &#33333331666; rises</title></head><body><article>"
      "<p>Officials said the toll would be &#33333331666; a day.</p></article></body></html>";
  const auto page = claimtrail::html::read_page(html, "t.html");
  for (const std::string* f : {&page.headline, &page.body}) {
    CHECK(f->find('\xD2') == std::string::npos);
    CHECK(f->find("\xEF\xBF\xBD") != std::string::npos);
  }
}
