package com.exampleco.timesheets.query.timesheet;

import java.util.List;

/**
 * One page of {@code GET /timesheets}.
 *
 * @param items the timesheets, ordered by work date, then timesheet id; never null
 * @param nextCursor pass as {@code cursor} to get the next page; null on the last page
 */
public record TimesheetPage(List<Timesheet> items, String nextCursor) {

}
