#include "lint/atomic_write.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

namespace fs = std::filesystem;

namespace asl {

bool is_read_only(const fs::path& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return false;  // the write reports it
  if ((st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0) return true;
  return ::access(path.c_str(), W_OK) != 0;
}

namespace {

bool fail(std::string* error, const std::string& what, int err) {
  if (error) *error = fmt::format("{}: {}", what, std::strerror(err));
  return false;
}

bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

}  // namespace

bool write_file_atomically(const fs::path& path, std::string_view bytes, std::string* error) {
  std::error_code ec;
  fs::path target = fs::is_symlink(path, ec) ? fs::canonical(path, ec) : path;
  if (ec) return fail(error, "cannot resolve the symlink", ec.value());
  struct stat st;
  bool existed = ::stat(target.c_str(), &st) == 0;
  fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::string tmpl = (dir / ("." + target.filename().string() + ".asynclint-XXXXXX")).string();
  int fd = ::mkstemp(tmpl.data());
  if (fd < 0) return fail(error, fmt::format("cannot create a temporary file in {}", dir.string()), errno);
  auto abandon = [&](const std::string& what) {
    int err = errno;
    ::close(fd);
    ::unlink(tmpl.c_str());
    return fail(error, what, err);
  };
  if (existed) {
    if (::fchmod(fd, st.st_mode & 07777) != 0) return abandon("cannot copy the file's permissions");
    // Only root can give a file away; for others the owner is already right.
    if (::geteuid() == 0 && ::fchown(fd, st.st_uid, st.st_gid) != 0) return abandon("cannot copy the file's owner");
  }
  if (!write_all(fd, bytes)) return abandon("cannot write the temporary file");
  if (::fsync(fd) != 0) return abandon("cannot flush the temporary file");
  if (::close(fd) != 0) {
    int err = errno;
    ::unlink(tmpl.c_str());
    return fail(error, "cannot close the temporary file", err);
  }
  if (::rename(tmpl.c_str(), target.c_str()) != 0) {
    int err = errno;
    ::unlink(tmpl.c_str());
    return fail(error, "cannot replace the file", err);
  }
  // The rename itself is durable only once the folder is flushed.
  int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
  return true;
}

}  // namespace asl
