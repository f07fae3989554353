#include "cli/cli.h"
#include "core/error.h"

int lf_cmd_recommend(int argc, char **argv, GError **error)
{
  g_set_error(error, LF_ERROR, LF_ERROR_UNSUPPORTED, "'recommend' is not built yet");
  return LF_EXIT_FAILURE;
}

int lf_cmd_check(int argc, char **argv, GError **error)
{
  g_set_error(error, LF_ERROR, LF_ERROR_UNSUPPORTED, "'check' is not built yet");
  return LF_EXIT_FAILURE;
}

int lf_cmd_db(int argc, char **argv, GError **error)
{
  g_set_error(error, LF_ERROR, LF_ERROR_UNSUPPORTED, "'db' is not built yet");
  return LF_EXIT_FAILURE;
}
