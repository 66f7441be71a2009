#pragma once

// Tests write .xlsx fixtures with libxlsxwriter's C API, spelt lxw::name(…)
// so a reader sees at once which calls are the fixture's.

#include <xlsxwriter.h>

namespace lxw {
using ::format_set_bold;
using ::format_set_num_format;
using ::format_set_num_format_index;
using ::workbook_add_format;
using ::workbook_add_worksheet;
using ::workbook_close;
using ::workbook_new;
using ::workbook_new_opt;
using ::worksheet_merge_range;
using ::worksheet_write_boolean;
using ::worksheet_write_datetime;
using ::worksheet_write_number;
using ::worksheet_write_rich_string;
using ::worksheet_write_string;
} // namespace lxw
