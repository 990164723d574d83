package dev.tokensmith.bootstrap;

import dev.tokensmith.adapter.http.ApiExtension;
import dev.tokensmith.adapter.http.LoginAttempts;
import dev.tokensmith.adapter.itop.ItopExportController;
import dev.tokensmith.adapter.itop.ItopImportController;
import dev.tokensmith.adapter.itop.ItopRestController;
import dev.tokensmith.adapter.itop.ItopSynchroExecController;
import dev.tokensmith.adapter.itop.ItopSynchroImportController;
import dev.tokensmith.adapter.itop.ItopSynchroUseCases;
import dev.tokensmith.adapter.itop.ItopUseCases;
import dev.tokensmith.adapter.itop.LoginGuard;
import dev.tokensmith.application.service.SynchroService;
import dev.tokensmith.application.service.TokensmithCore;
import dev.tokensmith.domain.authentication.AuthenticationFailure;
import io.javalin.http.HandlerType;
import java.util.List;

/**
 * iTop's webservices (the iTop adapter) served on the HTTP adapter's server, sharing its limit of
 * failed logins: the two adapters never see each other, so they meet here.
 */
final class ItopWebservices {
  private ItopWebservices() {}

  /**
   * The largest body the bulk endpoints (export, import, synchro) accept: CSV files are larger than
   * API calls.
   */
  static final int BULK_MAX_REQUEST_BYTES = 32 * 1024 * 1024;

  /**
   * {@code GET|POST /webservices/rest.php} and {@code /webservices/export-v2.php}, {@code POST
   * /webservices/import.php}, {@code POST /synchro/synchro_import.php}, {@code GET|POST
   * /synchro/synchro_exec.php}, on the core's in-ports and the synchro service.
   */
  static ApiExtension of(TokensmithCore core, SynchroService synchro, int maxRequestBytes) {
    ItopUseCases useCases =
        new ItopUseCases(
            core.authentication,
            core.accounts,
            core.accounts,
            core.accounts,
            core.directory,
            core.directory,
            core.directory,
            core.directory,
            core.directory,
            core.bulkDirectory,
            core.bulkDirectory);
    ItopSynchroUseCases synchroUseCases =
        new ItopSynchroUseCases(synchro, synchro, synchro, synchro, synchro);
    return attempts -> {
      SharedGuard guard = new SharedGuard(attempts);
      ItopRestController rest =
          new ItopRestController(useCases, synchroUseCases, guard, maxRequestBytes);
      ItopExportController export =
          new ItopExportController(useCases, guard, BULK_MAX_REQUEST_BYTES);
      ItopImportController importPhp =
          new ItopImportController(useCases, guard, BULK_MAX_REQUEST_BYTES);
      ItopSynchroImportController synchroImport =
          new ItopSynchroImportController(useCases, synchroUseCases, guard, BULK_MAX_REQUEST_BYTES);
      ItopSynchroExecController synchroExec =
          new ItopSynchroExecController(useCases, synchroUseCases, guard, BULK_MAX_REQUEST_BYTES);
      return List.of(
          new ApiExtension.Route(HandlerType.GET, ItopRestController.PATH, rest::handle),
          new ApiExtension.Route(HandlerType.POST, ItopRestController.PATH, rest::handle),
          new ApiExtension.Route(HandlerType.GET, ItopExportController.PATH, export::handle),
          new ApiExtension.Route(HandlerType.POST, ItopExportController.PATH, export::handle),
          new ApiExtension.Route(HandlerType.POST, ItopImportController.PATH, importPhp::handle),
          new ApiExtension.Route(
              HandlerType.POST, ItopSynchroImportController.PATH, synchroImport::handle),
          new ApiExtension.Route(
              HandlerType.GET, ItopSynchroExecController.PATH, synchroExec::handle),
          new ApiExtension.Route(
              HandlerType.POST, ItopSynchroExecController.PATH, synchroExec::handle));
    };
  }

  /** The HTTP adapter's {@link LoginAttempts} as the iTop adapter's {@link LoginGuard}. */
  private record SharedGuard(LoginAttempts attempts) implements LoginGuard {
    @Override
    public void tokenAuthenticated() {
      attempts.tokenAuthenticated();
    }

    @Override
    public void tokenRefused(AuthenticationFailure failure) {
      attempts.tokenRefused(failure);
    }
  }
}
