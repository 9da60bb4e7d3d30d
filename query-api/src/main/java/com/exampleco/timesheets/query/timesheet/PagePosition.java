package com.exampleco.timesheets.query.timesheet;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A position in the listing order (work date, then timesheet id): the last row of a page.
 *
 * @param workDate the work date of that row
 * @param timesheetId its id
 */
record PagePosition(LocalDate workDate, UUID timesheetId) {

}
