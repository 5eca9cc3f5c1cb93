// The idle screen's corner for staff: reader problems in small print and the camera choice.
import type { ReaderState } from '../../../shared/api/contract.js';
import { CameraPicker } from '../camera/CameraPicker.js';
import { ReaderProblems } from './ReaderProblems.js';

interface Props {
  readers: readonly ReaderState[];
  cameraDeviceId: string | null;
  onCamera: (deviceId: string | null) => void;
}

export function StaffCorner({ readers, cameraDeviceId, onCamera }: Props) {
  return (
    <div className="staff-corner" data-testid="staff-corner">
      <ReaderProblems readers={readers} />
      <CameraPicker current={cameraDeviceId} onChoose={onCamera} />
    </div>
  );
}
