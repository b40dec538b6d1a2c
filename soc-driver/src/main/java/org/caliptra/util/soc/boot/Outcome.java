package org.caliptra.util.soc.boot;

import java.util.Optional;
import org.caliptra.util.protocol.core.AuthResult;

/** How one boot stage ended. */
public sealed interface Outcome {
    /** Whether the stage lets the boot go on. */
    boolean passed();

    /** The stage did what it should. */
    record Passed() implements Outcome {
        @Override
        public boolean passed() {
            return true;
        }
    }

    /** The device answered CMD_FAILURE; {@code code} is its firmware error register. */
    record DeviceError(int code) implements Outcome {
        @Override
        public boolean passed() {
            return false;
        }
    }

    /** CPTRA_FUSE_WR_DONE was set but ready_for_fuses did not drop (libcaliptra STILL_READY_FOR_FUSES). */
    record FusesNotAccepted() implements Outcome {
        @Override
        public boolean passed() {
            return false;
        }
    }

    /** A CPTRA_FLOW_STATUS bit never came within the poll budget. */
    record NotReady(String flowBit, int polls) implements Outcome {
        @Override
        public boolean passed() {
            return false;
        }
    }

    /** Another requester held the mailbox lock: nothing was sent (libcaliptra MBX_BUSY). */
    record Busy() implements Outcome {
        @Override
        public boolean passed() {
            return false;
        }
    }

    /** The command was sent but the status stayed CMD_BUSY for {@code polls} polls. */
    record Timeout(int polls) implements Outcome {
        @Override
        public boolean passed() {
            return false;
        }
    }

    /** The device answered, but not with a well-formed response (bad checksum, wrong size, wrong status). */
    record Malformed(String problem) implements Outcome {
        @Override
        public boolean passed() {
            return false;
        }
    }

    /** AUTHORIZE_AND_STASH's verdict, {@code auth_req_result}. */
    record Authorization(int resultCode) implements Outcome {
        public Optional<AuthResult> result() {
            return AuthResult.fromCode(resultCode);
        }

        @Override
        public boolean passed() {
            return result().map(AuthResult::authorized).orElse(false);
        }
    }

    /**
     * The manifest lists the image but the package does not carry it, so nothing was sent: a boot
     * that cannot load an image it must load has failed, whatever Caliptra would have said.
     */
    record Missing() implements Outcome {
        @Override
        public boolean passed() {
            return false;
        }
    }
}
