import { ComplianceDocumentResponse, ComplianceList, type ComplianceKind } from '@contracts/compliance.js';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, apiRequest } from '../../../lib/api-client';
import { saveAsDownload } from '../../../lib/download';

const path = (trialId: string) => `/api/trials/${encodeURIComponent(trialId)}/compliance`;
const key = (trialId: string) => ['compliance', trialId] as const;

export function useCompliance(trialId: string) {
  return useQuery({
    queryKey: key(trialId),
    queryFn: ({ signal }) => apiRequest(path(trialId), ComplianceList, { signal }),
    retry: false,
  });
}

/** The adviser signs off the version on screen; the server refuses it when the draft changed meanwhile. */
export function useApproveCompliance(trialId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, factsHash }: { kind: ComplianceKind; factsHash: string }) =>
      apiRequest(`${path(trialId)}/${kind}/approval`, ComplianceDocumentResponse, { method: 'POST', body: { factsHash } }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: key(trialId) }),
  });
}

/** A POST, as each download is audited (compliance.exported); handed to the browser under the server's name. */
export async function downloadComplianceDocx(trialId: string, kind: ComplianceKind): Promise<void> {
  const res = await apiFetch(`${path(trialId)}/${kind}/export.docx`, { accept: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
  await saveAsDownload(res, `${kind}.docx`);
}
