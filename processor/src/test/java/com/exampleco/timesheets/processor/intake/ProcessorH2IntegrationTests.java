package com.exampleco.timesheets.processor.intake;

import org.springframework.test.context.TestPropertySource;

/**
 * The scenarios on the embedded default, H2 in PostgreSQL mode, with the same migrations
 * and SQL as production.
 */
@TestPropertySource(properties = { "timesheets.processor.group-id=processor-it-h2",
		"spring.datasource.url=jdbc:h2:mem:processor-it;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1" })
class ProcessorH2IntegrationTests extends OffsetAndRetryScenarios {

}
