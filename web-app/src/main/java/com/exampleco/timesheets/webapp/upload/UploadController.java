package com.exampleco.timesheets.webapp.upload;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import com.exampleco.timesheets.webapp.api.Accepted;
import com.exampleco.timesheets.webapp.api.ApiRefusal;
import com.exampleco.timesheets.webapp.api.IngestApi;
import com.exampleco.timesheets.webapp.api.Problem;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * "Upload": a CSV, NDJSON or JSON file of entries posted as it is to the ingest API's
 * {@code POST /timesheet-batches}. The API validates the whole file: every problem is
 * listed (line, field, message) and nothing is accepted; a 202 leads to the batch's
 * progress page.
 */
@Controller
class UploadController {

	private final IngestApi ingest;

	UploadController(IngestApi ingest) {
		this.ingest = ingest;
	}

	@GetMapping("/upload")
	String form(Model model) {
		model.addAttribute("problems", List.of());
		return "upload";
	}

	@PostMapping("/upload")
	String upload(@RequestParam(name = "file", required = false) MultipartFile file, Model model,
			HttpServletResponse response) throws IOException {
		model.addAttribute("problems", List.of());
		MediaType type = (file != null) ? typeOf(file.getOriginalFilename()) : null;
		if (file == null || file.isEmpty()) {
			return refuse(model, response, "Choose a file that is not empty.");
		}
		if (type == null) {
			return refuse(model, response, "Choose a .csv, .ndjson or .json file.");
		}
		try {
			Accepted accepted = this.ingest.upload(file.getBytes(), type);
			return "redirect:/batches/" + accepted.batchId() + "?expected=" + accepted.expectedEvents();
		}
		catch (ApiRefusal ex) {
			if (ex.status() == 413) {
				return refuse(model, response, "The file is too large. Split it into smaller files.");
			}
			if (ex.status() != 400 && ex.status() != 422) {
				throw ex;
			}
			Problem problem = ex.problem();
			model.addAttribute("problems", problem.errors());
			response.setStatus(ex.status());
			return refuse(model, response,
					(problem.detail() != null) ? problem.detail() : "The file was refused; nothing was accepted.");
		}
	}

	private static String refuse(Model model, HttpServletResponse response, String message) {
		model.addAttribute("fileError", message);
		if (response.getStatus() < 400) {
			response.setStatus(422);
		}
		return "upload";
	}

	/**
	 * @param name the uploaded file's name, may be null
	 * @return the ingest API's media type for its extension, null when not one it reads
	 */
	static MediaType typeOf(String name) {
		String lower = (name != null) ? name.toLowerCase(Locale.ROOT) : "";
		if (lower.endsWith(".csv")) {
			return MediaType.parseMediaType("text/csv");
		}
		if (lower.endsWith(".ndjson") || lower.endsWith(".jsonl")) {
			return MediaType.parseMediaType("application/x-ndjson");
		}
		if (lower.endsWith(".json")) {
			return MediaType.APPLICATION_JSON;
		}
		return null;
	}

}
