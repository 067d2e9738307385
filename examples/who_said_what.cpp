// A small program on the claimtrail library: parse an article, store it in a
// claim store, and print who is quoted and how much rests on anonymous sources.
//
//   who_said_what ARTICLE.txt STORE.db
#include <fstream>
#include <iostream>
#include <sstream>

#include "extract/extractor.hpp"
#include "report/report.hpp"
#include "store/store.hpp"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: who_said_what ARTICLE.txt STORE.db\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  try {
    const claimtrail::extract::Extractor parser;
    claimtrail::store::Store store(argv[2]);
    claimtrail::store::ArticleInput article;
    article.doc = argv[1];
    article.text = text.str();
    const auto stored = store.ingest(article, parser.analyse(article.text));
    const auto report = claimtrail::report::article_report(store, stored.article_id);
    std::cout << report.statements << " attributed statements, " << static_cast<int>(100 * report.anonymous_share + 0.5)
              << "% resting on anonymous sources\n";
    for (const auto& s : report.sources)
      std::cout << "  " << s.name << " (" << s.category << "): " << s.statements << '\n';
  } catch (const std::exception& e) {
    std::cerr << "who_said_what: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
