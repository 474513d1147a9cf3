// Names of the record kinds as the command line and the database spell them.
#include "triage/core/model.hpp"

namespace triage {

const char* to_string(RecordKind kind) {
  switch (kind) {
    case RecordKind::orders:
      return "orders";
    case RecordKind::complaints:
      return "complaints";
    case RecordKind::disputes:
      return "disputes";
    case RecordKind::reviews:
      return "reviews";
  }
  return "?";
}

}  // namespace triage
