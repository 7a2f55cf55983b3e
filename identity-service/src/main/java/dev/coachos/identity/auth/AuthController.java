package dev.coachos.identity.auth;

import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.ErrorResponseException;

import dev.coachos.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;

/** Public endpoints: they need no access token (login, refresh, logout, password reset, keys). */
@RestController
class AuthController {

    private final SigningIn signingIn;
    private final PasswordResets resets;
    private final SigningKeys keys;

    AuthController(SigningIn signingIn, PasswordResets resets, SigningKeys keys) {
        this.signingIn = signingIn;
        this.resets = resets;
        this.keys = keys;
    }

    @Operation(summary = "Log in with e-mail and password")
    @ApiResponse(responseCode = "200", description = "A new access token and refresh token")
    @ApiResponse(responseCode = "401", description = "Wrong e-mail or password")
    @PostMapping("/api/v1/auth/login")
    TokenIssuer.TokenPair login(@Valid @RequestBody Login login) {
        return signingIn.login(login).orElseThrow(() -> refused("Invalid e-mail or password"));
    }

    @Operation(summary = "Exchange a refresh token for new tokens")
    @ApiResponse(responseCode = "200", description = "A new access token and refresh token")
    @ApiResponse(responseCode = "401", description = "The refresh token is invalid, expired or already used")
    @PostMapping("/api/v1/auth/refresh")
    TokenIssuer.TokenPair refresh(@Valid @RequestBody SessionToken session) {
        return signingIn.refresh(session)
                .orElseThrow(() -> refused("The refresh token is invalid, expired or already used"));
    }

    @Operation(summary = "Log out by revoking a refresh token")
    @PostMapping("/api/v1/auth/logout")
    ResponseEntity<Void> logout(@Valid @RequestBody SessionToken session) {
        signingIn.logout(session);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Ask for a password reset e-mail")
    @PostMapping("/api/v1/auth/password-reset")
    ResponseEntity<Void> requestReset(@Valid @RequestBody PasswordResetRequest request) {
        resets.request(request);
        return ResponseEntity.accepted().build();
    }

    @Operation(summary = "Set a new password with a reset token")
    @PostMapping("/api/v1/auth/password-reset/confirm")
    ResponseEntity<Void> confirmReset(@Valid @RequestBody PasswordResetConfirmation confirmation) {
        resets.confirm(confirmation);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Read the public keys that sign access tokens")
    @GetMapping({"/api/v1/auth/jwks", "/.well-known/jwks.json"})
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok()
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=300")
                .body(keys.published().toJSONObject(true));
    }

    private static ErrorResponseException refused(String detail) {
        return Problems.raise(HttpStatus.UNAUTHORIZED, Problems.UNAUTHENTICATED, "Unauthenticated", detail);
    }
}
