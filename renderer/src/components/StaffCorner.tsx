// The idle screen's corner for staff: reader problems in small print, the camera choice and the staff sign-in.
import type { ReaderState } from '../../../shared/api/contract.js';
import { CameraPicker } from '../camera/CameraPicker.js';
import { StaffButton } from '../staff/StaffButton.js';
import { ReaderProblems } from './ReaderProblems.js';

interface Props {
  readers: readonly ReaderState[];
  cameraDeviceId: string | null;
  onCamera: (deviceId: string | null) => void;
  onStaff: () => void;
}

export function StaffCorner({ readers, cameraDeviceId, onCamera, onStaff }: Props) {
  return (
    <div className="staff-corner" data-testid="staff-corner">
      <ReaderProblems readers={readers} />
      <CameraPicker current={cameraDeviceId} onChoose={onCamera} />
      <StaffButton onOpen={onStaff} />
    </div>
  );
}
