package io.serai.routes.files;

/**
 * One attachment as the index lists it: extracted ({@code reason == null}, with size and SHA-256 of the decoded
 * bytes) or skipped for the given reason.
 */
record ArchivedPart(String name, String contentType, long size, String sha256, String reason) {

    static ArchivedPart extracted(String name, String contentType, long size, String sha256) {
        return new ArchivedPart(name, contentType, size, sha256, null);
    }

    static ArchivedPart skipped(String name, String contentType, String reason) {
        return new ArchivedPart(name, contentType, -1, null, reason);
    }

    String toJson() {
        StringBuilder json = new StringBuilder("{\"name\":").append(Json.string(name))
                .append(",\"contentType\":").append(Json.string(contentType));
        if (reason == null) {
            json.append(",\"size\":").append(size).append(",\"sha256\":").append(Json.string(sha256));
        } else {
            json.append(",\"reason\":").append(Json.string(reason));
        }
        return json.append('}').toString();
    }
}
