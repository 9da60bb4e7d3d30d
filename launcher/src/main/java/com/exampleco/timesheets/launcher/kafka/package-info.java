/**
 * The pipeline's single-node KRaft broker: one configuration, run in process or as a
 * child JVM.
 */
package com.exampleco.timesheets.launcher.kafka;
