-- Employee ids are case-insensitive and stored in their canonical form, upper case (see
-- timesheet-events' EmployeeIds). The query API filters and authorizes by exact match on
-- employee_id, so rows written before that rule are upper-cased once. Employee ids are ASCII
-- (A-Z a-z 0-9 _ -), so UPPER means the same on PostgreSQL and H2. Runs on both unchanged.
UPDATE timesheets SET employee_id = UPPER(employee_id) WHERE employee_id <> UPPER(employee_id);
