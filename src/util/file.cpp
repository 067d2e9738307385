#include "util/file.hpp"

#include <sys/stat.h>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "core/error.hpp"

namespace claimtrail::util {

namespace {
std::string read_stream(std::FILE* f, const std::string& path) {
  std::string out;
  char buf[1 << 16];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
    if (out.size() + n > kMaxInputBytes)
      throw core::Error(path, "input larger than the " + std::to_string(kMaxInputBytes >> 20) + " MiB limit");
    out.append(buf, n);
  }
  if (std::ferror(f)) throw core::Error(path, std::string("read error: ") + std::strerror(errno));
  return out;
}
}  // namespace

std::string read_input(const std::string& path) {
  if (path == "-") return read_stream(stdin, path);
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) throw core::Error(path, errno == ENOENT ? "no such file" : std::strerror(errno));
  if (S_ISDIR(st.st_mode)) throw core::Error(path, "is a directory");
  if (S_ISREG(st.st_mode) && static_cast<std::size_t>(st.st_size) > kMaxInputBytes)
    throw core::Error(path, "input larger than the " + std::to_string(kMaxInputBytes >> 20) + " MiB limit");
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) throw core::Error(path, std::strerror(errno));
  try {
    std::string s = read_stream(f, path);
    std::fclose(f);
    return s;
  } catch (...) {
    std::fclose(f);
    throw;
  }
}

}  // namespace claimtrail::util
