/**
 * Client-credentials access tokens from the auth server, and its local clients.
 */
package com.exampleco.timesheets.launcher.token;
