/**
 * Resource-server rules shared by the Timesheets web APIs.
 */
@NullMarked
package com.exampleco.timesheets.security;

import org.jspecify.annotations.NullMarked;
